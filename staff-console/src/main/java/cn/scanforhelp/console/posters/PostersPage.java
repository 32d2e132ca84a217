package cn.scanforhelp.console.posters;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.window.IntakeServiceClient;
import cn.scanforhelp.console.window.WindowApi;
import cn.scanforhelp.console.web.Chrome;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The QR posters (有困难 扫一扫) of the officer's division: the list with each poster's scans and applications (a
 * table, drawn as a bar chart by the dashboard's script when JavaScript runs), a poster for a township or village,
 * the batch of every village of a township as one PDF, a poster's PDF, withdrawing one after a confirmation. Every
 * call is intake-service's poster API with the user's token; intake scopes it to the user's division. A township
 * reviewer sees the list and prints posters of the own township (intake allows that); creating, batches and
 * withdrawing are the officer's.
 */
@Path("/posters")
@Produces(MediaType.TEXT_HTML)
public class PostersPage {

    static final int PAGE = 100;
    static final String PDF = "application/pdf";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance posters(Chrome.Frame chrome, PostersView view);

        static native TemplateInstance withdraw(Chrome.Frame chrome, PostersView.Row poster);
    }

    private final IntakePostersClient posters;
    private final IntakeServiceClient divisions;
    private final Chrome chrome;
    private final SecurityIdentity identity;
    /** The signed-in user's ID token (its {@code division} claim); a field: {@code @IdToken} is not allowed on a parameter. */
    @Inject
    @IdToken
    JsonWebToken idToken;

    public PostersPage(@RestClient IntakePostersClient posters, @RestClient IntakeServiceClient divisions,
            Chrome chrome, SecurityIdentity identity) {
        this.posters = posters;
        this.divisions = divisions;
        this.chrome = chrome;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"district-officer", "township-reviewer"})
    public Response list(@QueryParam("division") String division, @QueryParam("active") String active,
            @QueryParam("offset") Integer offset, @QueryParam("created") String created,
            @QueryParam("withdrawn") String withdrawn) {
        String notice = created != null ? msg().created(created) : withdrawn != null ? msg().withdrawn(withdrawn) : null;
        return page(200, new PostersView.Filter(blank(division), blank(active), offset == null ? 0 : offset),
                Map.of(), Map.of(), notice);
    }

    @POST
    @RolesAllowed("district-officer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("divisionCode") String divisionCode, @FormParam("label") String label,
            @FormParam("division") String division) {
        Map<String, String> values = Map.of("divisionCode", nz(divisionCode), "label", nz(label));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("divisionCode", nz(divisionCode));
        body.put("label", nz(label).strip());
        try {
            PosterApi.Item p = posters.create(chrome.language(), body);
            return Response.seeOther(URI.create("/posters?created=" + p.code()
                    + (blank(division) == null ? "" : "&division=" + enc(division)))).build();
        } catch (ServiceProblem p) {
            if (p.status() != 400) {
                throw p;
            }
            return page(400, new PostersView.Filter(blank(division), null, 0), values,
                    errors(p, List.of("divisionCode", "label"), "divisionCode"), null);
        }
    }

    /** Every village of a township, one PDF page each, streamed from intake-service as it arrives. */
    @POST
    @Path("batch")
    @RolesAllowed("district-officer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({PDF, MediaType.TEXT_HTML})
    public Response batch(@FormParam("township") String township, @FormParam("batchLabel") String label) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("divisionCode", nz(township));
        body.put("level", "VILLAGE");
        body.put("label", nz(label).strip());
        try {
            return stream(posters.batch(chrome.language(), body), "attachment");
        } catch (ServiceProblem p) {
            if (p.status() != 400 && p.status() != 503) {
                throw p;
            }
            Map<String, String> errors = p.status() == 503 ? Map.of("township", p.message())
                    : errors(p, List.of("township", "batchLabel"), "township");
            return page(p.status(), new PostersView.Filter(null, null, 0),
                    Map.of("township", nz(township), "batchLabel", nz(label)), errors, null);
        }
    }

    @GET
    @Path("{code}/poster.pdf")
    @RolesAllowed({"district-officer", "township-reviewer"})
    @Produces(PDF)
    public Response pdf(@PathParam("code") String code) {
        return stream(posters.pdf(chrome.language(), code), "inline");
    }

    /** The confirmation: what will be withdrawn, and a form to do it (no script needed). */
    @GET
    @Path("{code}/withdraw")
    @RolesAllowed("district-officer")
    public Response confirmWithdraw(@PathParam("code") String code) {
        PostersView.Row row = PostersView.row(posters.get(chrome.language(), code), chrome.locale());
        return html(200, Templates.withdraw(chrome.frame(), row));
    }

    @POST
    @Path("{code}/withdraw")
    @RolesAllowed("district-officer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("code") String code) {
        PosterApi.Item p = posters.withdraw(chrome.language(), code);
        return Response.seeOther(URI.create("/posters?withdrawn=" + p.code())).build();
    }

    /**
     * intake's PDF passed on as it is read: the console holds a buffer, never the document (a batch of a
     * township's villages is a few hundred KB, a county's several MB).
     */
    private static Response stream(Response from, String disposition) {
        if (from.getStatus() >= 400) {
            ServiceProblem p = ServiceProblem.from(from);
            from.close();
            throw p;
        }
        InputStream in = from.readEntity(InputStream.class);
        StreamingOutput body = out -> {
            try (from; in) {
                in.transferTo(out);
            }
        };
        String name = from.getHeaderString("Content-Disposition");
        String file = name != null && name.contains("filename=") ? name.substring(name.indexOf("filename=")) : "filename=\"posters.pdf\"";
        Response.ResponseBuilder r = Response.ok(body, PDF).header("Content-Disposition", disposition + "; " + file);
        for (String h : List.of("Content-Length", "X-Poster-Count")) {
            if (from.getHeaderString(h) != null) {
                r.header(h, from.getHeaderString(h));
            }
        }
        return r.build();
    }

    private Response page(int status, PostersView.Filter filter, Map<String, String> values, Map<String, String> errors,
            String notice) {
        String lang = chrome.language();
        boolean manage = identity.hasRole("district-officer");
        String own = division();
        List<WindowApi.Division> places = divisions.divisions(own).stream().filter(WindowApi.Division::active).toList();
        List<WindowApi.Division> townships = places.stream()
                .filter(d -> "township".equals(d.level()) || "subdistrict".equals(d.level())).toList();
        // a village poster: its township chosen in the filter first, then its villages are offered
        List<WindowApi.Division> villages = manage && filter.division() != null && filter.division().length() == 9
                && townships.stream().anyMatch(t -> t.code().equals(filter.division()))
                ? divisions.divisions(filter.division()).stream().filter(WindowApi.Division::active).toList() : List.of();
        Boolean active = "true".equals(filter.active()) ? Boolean.TRUE : "false".equals(filter.active()) ? Boolean.FALSE : null;
        PosterApi.Page page = posters.list(lang, filter.division(), active, PAGE, Math.max(0, filter.offset()));
        PostersView view = new PostersView(filter, manage, places, townships, villages,
                page.items().stream().map(i -> PostersView.row(i, chrome.locale())).toList(),
                page.items().size() == PAGE, values, errors, notice);
        return html(status, Templates.posters(chrome.frame(), view));
    }

    private Response html(int status, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(chrome.localize(t).render()).build();
    }

    /** intake's invalid fields on this page's fields ({@code divisionCode} of a batch is its township select). */
    private static Map<String, String> errors(ServiceProblem p, List<String> fields, String fallback) {
        Map<String, String> out = new LinkedHashMap<>();
        p.fieldErrors().forEach((k, v) -> {
            String id = switch (k) {
                case "label" -> fields.get(1);
                default -> fields.get(0);
            };
            out.merge(id, v, (a, b) -> a + "；" + b);
        });
        if (out.isEmpty()) {
            out.put(fallback, p.message());
        }
        return out;
    }

    PosterMsg msg() {
        return chrome.english() ? MessageBundles.get(PosterMsg.class, Localized.Literal.of("en"))
                : MessageBundles.get(PosterMsg.class);
    }

    /** The user's division (claim {@code division}); intake scopes by the token's own claim again. */
    private String division() {
        Object claim = idToken == null ? null : idToken.getClaim("division");
        String d = claim == null ? "" : claim.toString().replace("\"", "").trim();
        if (!d.matches("[0-9]{2,12}")) {
            throw new ServiceProblem(403, null, null, null, Map.of());
        }
        return d;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
