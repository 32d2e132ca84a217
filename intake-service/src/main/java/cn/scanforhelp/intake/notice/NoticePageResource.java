package cn.scanforhelp.intake.notice;

import cn.scanforhelp.infra.problem.ProblemMessages;
import cn.scanforhelp.intake.application.ClientAddress;
import cn.scanforhelp.intake.form.FormService;
import cn.scanforhelp.intake.form.FormTexts;
import cn.scanforhelp.intake.poster.PosterService;
import cn.scanforhelp.intake.poster.PosterService.Place;
import cn.scanforhelp.intake.poster.QrCodes;
import cn.scanforhelp.intake.ratelimit.RateLimiter;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The township's 公示 pages for residents (no account, no JavaScript): the notices showing now, one notice
 * with a QR code for its printed copy, and an objection form (rate limited per address; a post from another
 * site is refused on its Origin, as for the application form).
 */
@Path("/notices/{townshipCode}")
@Tag(name = "Resident pages", description = "HTML pages for residents (no account, no JavaScript needed)")
@SecurityRequirementsSet({})
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class NoticePageResource {

    static final String HTML = "text/html;charset=UTF-8";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NoticeService notices;
    private final PosterService places;
    private final FormService forms;
    private final RateLimiter limiter;
    private final Template list;
    private final Template one;
    private final String baseUrl;

    public NoticePageResource(NoticeService notices, PosterService places, FormService forms, RateLimiter limiter,
            @Location("notice/list.html") Template list, @Location("notice/one.html") Template one,
            @ConfigProperty(name = "sfh.public-base-url", defaultValue = "http://localhost:8081") String baseUrl) {
        this.notices = notices;
        this.places = places;
        this.forms = forms;
        this.limiter = limiter;
        this.list = list;
        this.one = one;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    static final String TOWNSHIP = "^[0-9]{9}$";

    @GET
    @Operation(operationId = "listPublicNotices", summary = "The township's public notices (公示) now",
            description = "Masked name, household size, type and amount of each notice whose period has not ended.")
    @APIResponse(responseCode = "200", description = "The list", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 500_000)))
    @APIResponse(responseCode = "404", description = "Unknown township", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 200_000)))
    public Response list(@PathParam("townshipCode") @Parameter(schema = @Schema(maxLength = 12, pattern = TOWNSHIP))
            String townshipCode, @Context HttpHeaders headers) {
        FormTexts t = texts(headers);
        Optional<Place> place = township(townshipCode);
        if (place.isEmpty()) {
            return gone(t, null);
        }
        List<NoticePage.Row> rows = new ArrayList<>();
        for (PublicNotice n : notices.showing(townshipCode)) {
            rows.add(row(t, rows.size() + 1, n));
        }
        return render(list, view(t, place.get(), rows, null, null, Map.of(), null, null, null, false), 200);
    }

    @GET
    @Path("{noticeId}")
    @Operation(operationId = "showPublicNotice", summary = "One public notice, its QR code and the objection form")
    @APIResponse(responseCode = "200", description = "The notice", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "404", description = "No such notice showing (ended, withdrawn, unknown)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    public Response one(@PathParam("townshipCode") @Parameter(schema = @Schema(maxLength = 12, pattern = TOWNSHIP))
            String townshipCode, @PathParam("noticeId") @Parameter(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uuid", maxLength = 36))
            String noticeId, @QueryParam("filed") @Parameter(schema = @Schema(maxLength = 1)) String filed,
            @Context HttpHeaders headers) {
        FormTexts t = texts(headers);
        return notice(t, townshipCode, noticeId, Map.of(), null, null, null, "1".equals(filed), 200);
    }

    @POST
    @Path("{noticeId}/objections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "fileObjection", summary = "File an objection to a public notice (plain HTML form post)",
            description = "No account. Answers 303 back to the notice with a confirmation, or the page again with "
                    + "every error (400). Limited per client address (sfh.rate-limit.objection-per-address): past "
                    + "it 429 problem+json with Retry-After.")
    @APIResponse(responseCode = "303", description = "Filed: the notice page in Location")
    @APIResponse(responseCode = "400", description = "The page again with the errors", content = @Content(
            mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "404", description = "No such notice showing", content = @Content(
            mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    @APIResponse(ref = "TooManyRequests")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = ObjectionFields.class)))
    public Response file(@PathParam("townshipCode") @Parameter(schema = @Schema(maxLength = 12, pattern = TOWNSHIP))
            String townshipCode, @PathParam("noticeId") @Parameter(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uuid", maxLength = 36))
            String noticeId, MultivaluedMap<String, String> fields, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        limiter.hit(RateLimiter.Limit.OBJECTION_PER_ADDRESS, ClientAddress.of(request));
        FormTexts t = texts(headers);
        NoticeService.Objection o = new NoticeService.Objection(fields.getFirst("name"), fields.getFirst("contact"),
                fields.getFirst("text"));
        Map<String, String> problems = NoticeService.problems(o);
        UUID id = uuid(noticeId);
        if (!problems.isEmpty()) {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            problems.forEach((f, code) -> errors.put(f, t.get(code)));
            return notice(t, townshipCode, noticeId, errors, o.name(), o.contact(), o.text(), false, 400);
        }
        if (id == null || township(townshipCode).isEmpty() || !notices.file(townshipCode, id, o)) {
            return gone(t, township(townshipCode).orElse(null));
        }
        return Response.seeOther(URI.create("/notices/" + townshipCode + "/" + id + "?filed=1"))
                .header("Cache-Control", "no-store").build();
    }

    private Response notice(FormTexts t, String townshipCode, String noticeId, Map<String, String> errors, String name,
            String contact, String text, boolean filed, int status) {
        Optional<Place> place = township(townshipCode);
        UUID id = uuid(noticeId);
        Optional<PublicNotice> n = place.isEmpty() || id == null ? Optional.empty() : notices.showing(townshipCode, id);
        if (n.isEmpty()) {
            return gone(t, place.orElse(null));
        }
        NoticePage.Row row = row(t, 1, n.get());
        String qr = QrCodes.svg(baseUrl + row.href(), 200);
        return render(one, view(t, place.get(), List.of(row), row, qr, errors, name, contact, text, filed), status);
    }

    private Response gone(FormTexts t, Place place) {
        NoticePage view = place == null
                ? new NoticePage(t, forms.assets(), List.of("12345"), null, null, List.of(), null, null, Map.of(), null,
                        null, null, false)
                : view(t, place, List.of(), null, null, Map.of(), null, null, null, false);
        return render(one, view, 404);
    }

    private NoticePage view(FormTexts t, Place p, List<NoticePage.Row> rows, NoticePage.Row one, String qr,
            Map<String, String> errors, String name, String contact, String text, boolean filed) {
        List<String> hotlines = p.hotlines().isEmpty() ? List.of("12345") : p.hotlines();
        return new NoticePage(t, forms.assets(), hotlines, p.township().code, p.township().name, rows, one, qr, errors,
                name, contact, text, filed);
    }

    private static NoticePage.Row row(FormTexts t, int no, PublicNotice n) {
        return new NoticePage.Row(no, n.id.toString(), n.villageName == null ? "" : n.villageName, n.maskedName,
                n.householdSize == null ? "—" : String.valueOf(n.householdSize), t.get("t_" + n.assistanceType),
                n.amountYuan == null ? t.get("notice_amount_unknown") : n.amountYuan.stripTrailingZeros().toPlainString(),
                n.endsAt.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).format(DAY),
                "/notices/" + n.townshipCode + "/" + n.id);
    }

    private Optional<Place> township(String code) {
        if (code == null || !code.matches(TOWNSHIP)) {
            return Optional.empty();
        }
        return places.place(code).filter(p -> p.village() == null);
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.length() != 36 ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response render(Template template, NoticePage view, int status) {
        return Response.status(status).type(HTML).header("Cache-Control", "no-store")
                .header("Content-Language", view.t().get("lang"))
                .entity(template.data("page", view).data("t", view.t()).render()).build();
    }

    private static FormTexts texts(HttpHeaders headers) {
        return FormTexts.of(ProblemMessages.localeOf(headers));
    }

    /** The objection form's fields, for the API document. */
    @Schema(name = "ObjectionFormFields", description = "An objection as a browser posts it")
    public record ObjectionFields(
            @Schema(maxLength = 50, example = "王某") String name,
            @Schema(maxLength = 50, example = "13912345678") String contact,
            @Schema(maxLength = 1000, example = "该户家中有经营性收入") String text) {
    }
}
