package cn.scanforhelp.console.desk;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.web.Chrome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The hotline operator's desk: the caller's number first, the number's history beside the form (htmx on input;
 * without JavaScript, a save with only the number is a look-up), the outcome, an application on the caller's
 * behalf with the duplicate warning before saving, today's calls and the open follow-ups. The draft of the call
 * being typed is kept by intake, per operator and encrypted (see the README for why there and not in a cookie).
 */
@Path("/desk")
@RolesAllowed("hotline-operator")
@Produces(MediaType.TEXT_HTML)
public class DeskResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(Chrome.Frame chrome, DeskPage page);

        static native TemplateInstance desk$history(IntakeApi.History history);

        static native TemplateInstance desk$duplicates(List<IntakeApi.OpenCase> duplicates, boolean ack);
    }

    private final IntakeServiceClient intake;
    private final OpenCasesClient openCases;
    private final Chrome chrome;
    private final Clock clock;
    private final SecurityIdentity identity;

    public DeskResource(@RestClient IntakeServiceClient intake, @RestClient OpenCasesClient openCases, Chrome chrome,
            Clock clock, SecurityIdentity identity) {
        this.intake = intake;
        this.openCases = openCases;
        this.chrome = chrome;
        this.clock = clock;
        this.identity = identity;
    }

    @GET
    public TemplateInstance desk(@QueryParam("saved") String saved, @QueryParam("tracking") String tracking,
            @QueryParam("closed") String closed) {
        DeskForm form = null;
        String notice = null;
        Response draft = intake.draft();
        if (draft.getStatus() == 200) {
            IntakeApi.Draft d = draft.readEntity(IntakeApi.Draft.class);
            form = DeskForm.fromDraft(d.payload());
            if (form != null) {
                notice = desk().draftRestored(String.valueOf(d.updatedAt().toLocalTime()));
            }
        }
        if (form == null) {
            form = DeskForm.fresh(clock, defaultTownship());
            if (saved != null) {
                notice = tracking != null && tracking.matches("[0-9A-Z-]{1,16}") ? desk().savedApplication(tracking)
                        : desk().saved();
            } else if (closed != null) {
                notice = desk().closed();
            }
        }
        IntakeApi.History history = form.callerPhone().isEmpty() ? null : historyOrNull(form.callerPhone());
        return page(form, history, null, List.of(), notice);
    }

    /** The number's earlier calls and applications (htmx, as the operator types). */
    @GET
    @Path("history")
    public TemplateInstance history(@QueryParam("callerPhone") String phone) {
        return chrome.localize(Templates.desk$history(phone == null || phone.isBlank() ? null : historyOrNull(phone.strip())));
    }

    /** Keeps what is typed so far (htmx, a moment after each change): a dropped call loses nothing. */
    @POST
    @Path("draft")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String keepDraft(MultivaluedMap<String, String> f) {
        DeskForm form = DeskForm.from(f);
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("payload", form.toDraft());
        body.put("callKey", form.idempotencyKey().isEmpty() ? null : form.idempotencyKey());
        intake.keepDraft(chrome.language(), body);
        return desk().draftKept();
    }

    /** The duplicate warning as soon as the ID number is entered (htmx); the save checks again. */
    @POST
    @Path("check-id")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance checkId(MultivaluedMap<String, String> f) {
        DeskForm form = DeskForm.from(f);
        return chrome.localize(Templates.desk$duplicates(duplicates(form), form.duplicateAck()));
    }

    @POST
    @Path("calls")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> f) {
        DeskForm form = DeskForm.from(f);
        if (form.onlyPhone()) {
            return Response.ok(page(form, historyOrNull(form.callerPhone()), null, List.of(), null)).build();
        }
        if (form.application() && !form.duplicateAck()) {
            List<IntakeApi.OpenCase> open = duplicates(form);
            if (!open.isEmpty()) {
                return Response.status(409).entity(page(form, historyOrNull(form.callerPhone()), open, List.of(), null))
                        .build();
            }
        }
        try {
            IntakeApi.Recorded r = intake.record(chrome.language(), form.idempotencyKey().isEmpty() ? null
                    : form.idempotencyKey(), form.toCall(clock));
            intake.dropDraft();
            String to = "/desk?saved=" + r.callId() + (r.trackingNumberDisplay() == null ? ""
                    : "&tracking=" + r.trackingNumberDisplay());
            return Response.seeOther(URI.create(to)).build();
        } catch (ServiceProblem p) {
            if (p.status() >= 500 || p.fieldErrors().isEmpty()) {
                throw p;
            }
            List<DeskPage.FieldError> errors = new ArrayList<>();
            p.fieldErrors().forEach((field, message) -> errors.add(
                    new DeskPage.FieldError(DeskPage.inputId(field), DeskPage.shortName(field), message)));
            return Response.status(400).entity(page(form, historyOrNull(form.callerPhone()), null, errors, null))
                    .build();
        }
    }

    @POST
    @Path("follow-ups/{callId}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("callId") UUID callId, MultivaluedMap<String, String> f) {
        String result = f.getFirst("result");
        intake.close(chrome.language(), callId, Map.of("result", result == null ? "" : result));
        return Response.seeOther(URI.create("/desk?closed=" + callId)).build();
    }

    private TemplateInstance page(DeskForm form, IntakeApi.History history, List<IntakeApi.OpenCase> duplicates,
            List<DeskPage.FieldError> errors, String notice) {
        String lang = chrome.language();
        DeskPage page = new DeskPage(form, townships(), intake.answers(lang, false), history, duplicates, errors,
                intake.today(lang), intake.followUps(lang), notice, DeskPage.OUTCOMES, DeskPage.DIFFICULTIES);
        return chrome.localize(Templates.desk(chrome.frame(), page));
    }

    private List<IntakeApi.OpenCase> duplicates(DeskForm form) {
        if (!form.idNumber().matches("[0-9]{17}[0-9Xx]")) {
            return List.of(); // intake names a malformed number when the call is saved
        }
        return openCases.check(chrome.language(), Map.of("idNumber", form.idNumber()));
    }

    private IntakeApi.History historyOrNull(String phone) {
        try {
            return intake.history(chrome.language(), phone);
        } catch (ServiceProblem p) {
            if (p.status() == 400) {
                return null; // not a number yet: nothing to show while it is being typed
            }
            throw p;
        }
    }

    /** The townships the operator serves: the division's own when it is one, else those under it. */
    private List<IntakeApi.Division> townships() {
        String division = division();
        if (division == null) {
            return List.of();
        }
        return intake.divisions(chrome.language(), division.length() >= 9 ? division.substring(0, 6) : division, null)
                .stream().filter(d -> d.code().startsWith(division)).toList();
    }

    private String defaultTownship() {
        String division = division();
        return division != null && division.length() == 9 ? division : "";
    }

    /** The division claim of the operator's access token (quarkus-oidc verified it when the session began). */
    private String division() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null) {
            return null;
        }
        String[] parts = token.getToken().split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            String d = claims.path("division").asText(null);
            return d != null && d.matches("[0-9]{2,12}") ? d : null;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private DeskMsg desk() {
        return MessageBundleAccess.desk(chrome);
    }
}
