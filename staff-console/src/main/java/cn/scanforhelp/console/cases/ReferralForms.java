package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.web.Chrome;
import cn.scanforhelp.console.web.Msg;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The referral tasks' forms on the case page: add a department, record that one acknowledged, record one done
 * with its answer. Each is case-service's referrals API with the user's token and the page's version as
 * If-Match; its 400 / 409 come back at the form's field, a stale version is the conflict page. Open like the
 * case page's other posts: without a session, back to the case page after a new sign-in, nothing sent.
 */
@Path("/cases/{id}/referrals")
@Produces(MediaType.TEXT_HTML)
public class ReferralForms {

    static final String ADDED = "REFERRAL_ADDED";
    static final String ACKNOWLEDGED = "REFERRAL_ACKNOWLEDGED";
    static final String COMPLETED = "REFERRAL_DONE";
    static final Set<String> DONE = Set.of(ADDED, ACKNOWLEDGED, COMPLETED);

    private final CaseServiceClient cases;
    private final CaseResource page;
    private final Chrome chrome;
    private final SecurityIdentity identity;

    public ReferralForms(@RestClient CaseServiceClient cases, CaseResource page, Chrome chrome,
            SecurityIdentity identity) {
        this.cases = cases;
        this.page = page;
        this.chrome = chrome;
        this.identity = identity;
    }

    static String notice(String done, Msg m) {
        return switch (done) {
            case ADDED -> m.referralAdded();
            case ACKNOWLEDGED -> m.referralAcknowledged();
            default -> m.referralCompleted();
        };
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Response add(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        String department = text(form, "department");
        return send(id, form, ADDED, new ReferralsPanel.Input("add", null, department, null),
                v -> cases.addReferral(chrome.language(), id, v,
                        new CaseApi.ReferralRequest(department.isBlank() ? null : department, null, null)));
    }

    @POST
    @Path("{referralId}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Response acknowledge(@PathParam("id") UUID id, @PathParam("referralId") UUID referralId,
            MultivaluedMap<String, String> form) {
        return send(id, form, ACKNOWLEDGED, new ReferralsPanel.Input("acknowledge", referralId.toString(), "", null),
                v -> cases.acknowledgeReferral(chrome.language(), id, referralId, v,
                        new CaseApi.ReferralRequest(null, null, null)));
    }

    @POST
    @Path("{referralId}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Response done(@PathParam("id") UUID id, @PathParam("referralId") UUID referralId,
            MultivaluedMap<String, String> form) {
        String outcome = text(form, "outcome");
        return send(id, form, COMPLETED, new ReferralsPanel.Input("done", referralId.toString(), outcome, null),
                v -> cases.completeReferral(chrome.language(), id, referralId, v,
                        new CaseApi.ReferralRequest(null, outcome.isBlank() ? null : outcome, null)));
    }

    private Response send(UUID id, MultivaluedMap<String, String> form, String done, ReferralsPanel.Input typed,
            java.util.function.Function<String, Response> call) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/cases/" + id)).build();
        }
        if (!identity.hasRole("township-reviewer") && !identity.hasRole("district-officer")) {
            throw new io.quarkus.security.ForbiddenException();
        }
        try (Response r = call.apply("\"" + text(form, "version") + "\"")) {
            return Response.seeOther(URI.create("/cases/" + id + "?done=" + done + "#referrals-title")).build();
        } catch (ServiceProblem p) {
            Msg m = chrome.msg();
            if (p.status() == 412 || p.status() == 428) {
                return page.page(409, id, null, Map.of(), Map.of(),
                        new CaseResource.Notice("conflict", m.conflict412()), null, null, null, null, false);
            }
            if (p.status() == 400 || p.status() == 409) {
                String message = p.fieldErrors().values().stream().findFirst()
                        .orElse(p.message().isBlank() ? m.refused() : p.message());
                return page.page(p.status(), id, null, Map.of(), Map.of(), new CaseResource.Notice("error", message),
                        null, null, null, new ReferralsPanel.Input(typed.form(), typed.referralId(), typed.value(),
                                message), false);
            }
            throw p;
        }
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.trim();
    }
}
