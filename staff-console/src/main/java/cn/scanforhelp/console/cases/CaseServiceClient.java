package cn.scanforhelp.console.cases;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * case-service's staff API, called with the signed-in user's access token: case-service scopes and checks
 * every call exactly as for any other client. {@code Accept-Language} carries the page's language, so
 * problem messages come back in it.
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "case-service")
@RegisterProvider(ServiceProblem.Mapper.class)
@RegisterProvider(UserAccessToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface CaseServiceClient {

    @GET
    @Path("cases")
    CaseApi.Page queue(@HeaderParam("Accept-Language") String language, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("channel") String channel,
            @QueryParam("deadlineState") String deadlineState, @QueryParam("text") String text,
            @QueryParam("escalated") Boolean escalated, @QueryParam("page") int page, @QueryParam("size") int size,
            @QueryParam("division") String division);

    @GET
    @Path("cases/deadline-counts")
    CaseApi.DeadlineCounts deadlineCounts(@HeaderParam("Accept-Language") String language,
            @QueryParam("division") String division);

    /** The queue's cases as a file ({@code format} csv or xlsx); case-service bounds and audits it. */
    @GET
    @Path("cases/export/{format}")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/problem+json"})
    Response exportCases(@HeaderParam("Accept-Language") String language, @PathParam("format") String format,
            @QueryParam("status") String status, @QueryParam("type") String type, @QueryParam("channel") String channel,
            @QueryParam("deadlineState") String deadlineState, @QueryParam("text") String text,
            @QueryParam("escalated") Boolean escalated, @QueryParam("division") String division);

    /** The audit trail (officers and auditors), newest first. */
    @GET
    @Path("audit")
    cn.scanforhelp.console.audit.AuditApi.Entries audit(@HeaderParam("Accept-Language") String language,
            @QueryParam("actor") String actor, @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") int page, @QueryParam("limit") int limit);

    // the district officer's dashboard
    @GET
    @Path("statistics/divisions")
    java.util.List<StatsApi.DivisionRow> perDivision(@HeaderParam("Accept-Language") String language);

    @GET
    @Path("statistics")
    StatsApi.Report statistics(@HeaderParam("Accept-Language") String language, @QueryParam("from") String from,
            @QueryParam("to") String to);

    @GET
    @Path("cases/{id}")
    CaseApi.Details get(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id);

    @POST
    @Path("cases/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response act(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    /** The step run and undone by case-service: the SMS it would send (its values), or why none. */
    @POST
    @Path("cases/{id}/actions/rehearsal")
    @Consumes(MediaType.APPLICATION_JSON)
    CaseApi.Rehearsed rehearse(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    @POST
    @Path("cases/{id}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    CaseApi.Revealed reveal(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            CaseApi.RevealRequest reason);

    @POST
    @Path("cases/{id}/applications/{applicationId}/confirm-link")
    Response confirmLink(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            @PathParam("applicationId") UUID applicationId, @HeaderParam("If-Match") String ifMatch);

    @GET
    @Path("cases/{id}/household")
    CaseApi.Household household(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id);

    @GET
    @Path("procedure")
    ProcedureDoc procedure();

    // the investigation record (入户调查)
    @GET
    @Path("cases/{id}/investigation")
    InvestigationApi.Record investigation(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id);

    @POST
    @Path("cases/{id}/investigation")
    @Consumes(MediaType.APPLICATION_JSON)
    Response recordInvestigation(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    // referrals (转办) as tasks
    @GET
    @Path("cases/{id}/referrals")
    java.util.List<CaseApi.Referral> referrals(@HeaderParam("Accept-Language") String language,
            @PathParam("id") UUID id);

    @POST
    @Path("cases/{id}/referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    Response addReferral(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, CaseApi.ReferralRequest body);

    @POST
    @Path("cases/{id}/referrals/{referralId}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    Response acknowledgeReferral(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            @PathParam("referralId") UUID referralId, @HeaderParam("If-Match") String ifMatch,
            CaseApi.ReferralRequest body);

    @POST
    @Path("cases/{id}/referrals/{referralId}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    Response completeReferral(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            @PathParam("referralId") UUID referralId, @HeaderParam("If-Match") String ifMatch,
            CaseApi.ReferralRequest body);

    /** What APPROVE would grant (audited by case-service: incomes are personal). */
    @GET
    @Path("cases/{id}/amount")
    CaseApi.Amount amount(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id);

    /** The objections filed during the public notice (audited by case-service). */
    @GET
    @Path("cases/{id}/objections")
    java.util.List<CaseApi.Objection> objections(@HeaderParam("Accept-Language") String language,
            @PathParam("id") UUID id);
}
