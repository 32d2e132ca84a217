package cn.scanforhelp.console.window;

import cn.scanforhelp.console.cases.FormDrafts;
import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.cases.UsualMaterials;
import cn.scanforhelp.console.documents.ReceiptPdf;
import cn.scanforhelp.console.web.Chrome;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The township's walk-in window (一门受理): the clerk types the applicant's application at the counter (the
 * resident's form's fields, plus in person, ID seen and the materials received), sent to intake-service with the
 * clerk's token and an Idempotency-Key fixed when the form was rendered, so a second press of the button (or a
 * reload of the answer) records nothing new. Then the receipt (受理回执) to print. Plain forms, no script needed.
 */
@Path("/window")
@RolesAllowed({"window-clerk", "township-reviewer"})
@Produces(MediaType.TEXT_HTML)
public class WindowPage {

    /** The form's fields in page order: the error summary lists them so (the service's errors come unordered). */
    static final List<String> FIELD_ORDER = List.of("name", "idNumber", "phone", "village", "difficulty",
            "householdSize", "description", "otherMaterials", "consent", "sensitiveConsent");

    static final String PATH = "/window";
    /** The kept form's ticked materials (one per line): the checklist sends one {@code material} per tick. */
    private static final String TICKED = "material*";

    static final List<String> DIFFICULTIES = List.of("UNEMPLOYMENT", "ILLNESS", "DISABILITY", "ELDERLY_ALONE",
            "DISASTER", "SCHOOLING", "HOUSING", "OTHER");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance windowForm(Chrome.Frame chrome, WindowForm view);

        static native TemplateInstance windowDone(Chrome.Frame chrome, WindowApi.Recorded r, String when,
                boolean replayed);
    }

    private final IntakeServiceClient intake;
    private final Chrome chrome;
    /** The signed-in user's ID token (its {@code division} claim); a field: {@code @IdToken} is not allowed on a parameter. */
    @Inject
    @IdToken
    JsonWebToken idToken;
    private final UsualMaterials usual;
    private final ReceiptPdf receipts;
    private final FormDrafts drafts;
    private final SecurityIdentity identity;

    public WindowPage(@RestClient IntakeServiceClient intake, Chrome chrome, UsualMaterials usual, ReceiptPdf receipts,
            FormDrafts drafts, SecurityIdentity identity) {
        this.intake = intake;
        this.chrome = chrome;
        this.usual = usual;
        this.receipts = receipts;
        this.drafts = drafts;
        this.identity = identity;
    }

    WindowMsg msg() {
        return chrome.english() ? MessageBundles.get(WindowMsg.class, Localized.Literal.of("en"))
                : MessageBundles.get(WindowMsg.class);
    }

    @GET
    public Response form(@Context HttpHeaders headers) {
        Map<String, String> kept = drafts.find(PATH, headers.getCookies()).orElse(null);
        if (kept == null) {
            Map<String, String> values = new HashMap<>();
            values.put("idempotencyKey", UUID.randomUUID().toString());
            values.put("inPerson", "yes");
            return page(200, values, List.of(), Map.of(), null);
        }
        // the form sent after the session ended, shown filled (its Idempotency-Key too), never sent by itself; the
        // kept copy is deleted
        List<String> ticked = kept.containsKey(TICKED) ? List.of(kept.remove(TICKED).split("\n")) : List.of();
        Response.ResponseBuilder b = Response.fromResponse(page(200, kept, ticked, Map.of(), chrome.msg().draftRestored()));
        drafts.clear(PATH, headers.getCookies()).forEach(c -> b.header("Set-Cookie", c));
        return b.build();
    }

    /**
     * Open to a request without a session (see application.properties), as the case forms are: an application
     * typed at the counter and sent after the session ended is kept in an encrypted cookie (15 minutes), sent
     * nowhere, and the form comes back filled after the new sign-in. With a session, the class's roles apply.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Response record(MultivaluedMap<String, String> form) {
        if (identity.isAnonymous()) {
            Map<String, String> typed = new HashMap<>();
            form.forEach((k, v) -> typed.put(k, v == null || v.isEmpty() ? "" : v.get(0).trim()));
            typed.remove("csrf-token"); // quarkus-rest-csrf's form field: never kept
            typed.remove("material");
            List<String> picked = form.getOrDefault("material", List.of());
            if (!picked.isEmpty()) {
                typed.put(TICKED, String.join("\n", picked));
            }
            Response.ResponseBuilder b = Response.seeOther(URI.create(PATH));
            drafts.stash(PATH, typed).forEach(c -> b.header("Set-Cookie", c));
            return b.build();
        }
        if (!identity.hasRole("window-clerk") && !identity.hasRole("township-reviewer")) {
            throw new io.quarkus.security.ForbiddenException();
        }
        Map<String, String> values = new HashMap<>();
        form.forEach((k, v) -> values.put(k, v == null || v.isEmpty() ? "" : v.get(0).trim()));
        values.remove("csrf-token");
        List<String> ticked = form.getOrDefault("material", List.of());
        LinkedHashSet<String> materials = new LinkedHashSet<>(ticked);
        for (String line : values.getOrDefault("otherMaterials", "").split("\\R")) {
            if (!line.isBlank()) {
                materials.add(line.strip());
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Integer household = null;
        String hs = values.getOrDefault("householdSize", "");
        if (!hs.isBlank()) {
            try {
                household = Integer.valueOf(hs);
            } catch (NumberFormatException e) {
                errors.put("householdSize", msg().householdInvalid());
            }
        }
        String key = values.getOrDefault("idempotencyKey", "");
        if (key.isBlank()) {
            key = UUID.randomUUID().toString();
            values.put("idempotencyKey", key);
        }
        if (!errors.isEmpty()) {
            return page(400, values, ticked, errors, null);
        }
        String township = township();
        String village = values.getOrDefault("village", "");
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", values.getOrDefault("name", ""));
        applicant.put("idNumber", values.getOrDefault("idNumber", ""));
        // none for an applicant without a mobile phone: intake accepts it for a staff-recorded channel, and the case
        // then says the township tells the resident by phone
        applicant.put("phone", blankToNull(values.get("phone")));
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("divisionCode", township);
        application.put("villageCode", village.isBlank() ? null : village);
        application.put("applicant", applicant);
        application.put("difficulty", blankToNull(values.get("difficulty")));
        application.put("description", blankToNull(values.get("description")));
        application.put("householdSize", household);
        application.put("urgent", "yes".equals(values.get("urgent")));
        application.put("consent", "yes".equals(values.get("consent")));
        application.put("sensitiveConsent", "yes".equals(values.get("sensitiveConsent")) ? Boolean.TRUE : null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("application", application);
        body.put("inPerson", "yes".equals(values.get("inPerson")));
        body.put("idSeen", "yes".equals(values.get("idSeen")));
        body.put("materialsReceived", new ArrayList<>(materials));
        try {
            WindowApi.Recorded r = intake.record(chrome.language(), key, body);
            return Response.seeOther(URI.create("/window/applications/" + r.trackingNumber()
                    + (r.replayed() ? "?again=1" : ""))).build();
        } catch (ServiceProblem p) {
            if (p.status() == 400 || p.status() == 422) {
                p.fieldErrors().forEach((k, v) -> errors.merge(fieldId(k), v, (a, b) -> a + "；" + b));
                if (errors.isEmpty()) {
                    errors.put("name", p.message());
                }
                return page(400, values, ticked, inPageOrder(errors), null);
            }
            throw p;
        }
    }

    @GET
    @Path("applications/{trackingNumber}")
    public Response done(@PathParam("trackingNumber") String trackingNumber, @QueryParam("again") String again) {
        WindowApi.Recorded r = intake.receipt(chrome.language(), trackingNumber);
        String html = chrome.localize(Templates.windowDone(chrome.frame(), r,
                r.submittedAt() == null ? "" : ReceiptPdf.when(r.submittedAt()), again != null)).render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("applications/{trackingNumber}/receipt.pdf")
    @Produces("application/pdf")
    public Response receipt(@PathParam("trackingNumber") String trackingNumber) throws IOException {
        WindowApi.Recorded r = intake.receipt(chrome.language(), trackingNumber);
        return Response.ok(receipts.receipt(r), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"receipt-" + r.trackingNumber() + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    static Map<String, String> inPageOrder(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELD_ORDER.stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** intake's field path to the form's field id. */
    static String fieldId(String path) {
        String p = path.startsWith("application.") ? path.substring("application.".length()) : path;
        if (p.startsWith("applicant.")) {
            return p.substring("applicant.".length());
        }
        return switch (p) {
            case "divisionCode", "villageCode" -> "village";
            case "materialsReceived" -> "otherMaterials";
            case "difficulty", "description", "householdSize", "consent", "sensitiveConsent" -> p;
            default -> "name";
        };
    }

    /** The clerk's township: the division claim of the signed-in user (intake checks it again). */
    private String township() {
        Object claim = idToken == null ? null : idToken.getClaim("division");
        String d = claim == null ? "" : claim.toString().replace("\"", "").trim();
        if (!d.matches("[0-9]{9}")) {
            throw new ServiceProblem(403, null, null, null, Map.of());
        }
        return d;
    }

    private Response page(int status, Map<String, String> values, List<String> ticked, Map<String, String> errors,
            String notice) {
        String code = township();
        WindowApi.Division township = intake.division(code);
        List<WindowApi.Division> villages = intake.divisions(code).stream().filter(WindowApi.Division::active).toList();
        LinkedHashSet<String> checklist = new LinkedHashSet<>();
        usual.byType().values().forEach(checklist::addAll);
        WindowMsg m = msg();
        List<WindowForm.Option> difficulties = DIFFICULTIES.stream()
                .map(d -> new WindowForm.Option(d, m.difficultyLabel(d))).toList();
        WindowForm view = new WindowForm(township.name(), villages, difficulties, List.copyOf(checklist),
                List.copyOf(ticked), values, errors, notice);
        String html = chrome.localize(Templates.windowForm(chrome.frame(), view)).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
