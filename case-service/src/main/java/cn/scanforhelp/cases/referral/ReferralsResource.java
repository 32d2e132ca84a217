package cn.scanforhelp.cases.referral;

import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.CaseQueries;
import cn.scanforhelp.cases.casefile.Views;
import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A referred case's referrals (转办), each a task with its own due date: add, acknowledge, done. */
@Path("/api/v1/cases/{id}/referrals")
@Tag(name = "Referrals", description = "Referrals of a case to departments, tracked with their own due dates")
@RolesAllowed({Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
@SecurityRequirement(name = "oidc")
public class ReferralsResource {

    private static final String IF_MATCH = "the case's ETag, e.g. \"3\"";
    private static final String LIST_EXAMPLE = """
            [{"id":"7c0e2a4b-5d6f-4a8b-9c0d-1e2f3a4b5c6d","department":"医疗保障局","state":"ACKNOWLEDGED",
            "sentOn":"2026-11-25","dueOn":"2026-12-09","days":10,"workingDaysLeft":6,
            "sentAt":"2026-11-25T10:00:00+08:00","acknowledgedAt":"2026-11-26T09:00:00+08:00"}]""";

    private final ReferralTasks tasks;
    private final CaseQueries queries;

    public ReferralsResource(ReferralTasks tasks, CaseQueries queries) {
        this.tasks = tasks;
        this.queries = queries;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listReferrals", summary = "The case's referrals, oldest first",
            description = "Each with its due date in working days and its state: SENT, ACKNOWLEDGED, DONE or OVERDUE.")
    @APIResponse(responseCode = "200", description = "The referrals", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReferralView.class, maxItems = 100),
            examples = @ExampleObject(name = "referrals", value = LIST_EXAMPLE)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "TooManyRequests")
    public List<ReferralView> list(@PathParam("id") UUID id) {
        return tasks.of(queries.inScope(id).id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addReferral", summary = "Refer the case to one more department",
            description = "Only a REFERRED case (after REFER); a department of sfh.referral.departments without an "
                    + "open referral of this case. Due in the department's working days. If-Match: the case's ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralRequest.class),
            examples = @ExampleObject(name = "department", value = "{\"department\":\"住房和城乡建设局\"}")))
    @APIResponse(responseCode = "200", description = "The case with its referrals", headers = @Header(name = "ETag",
            description = "The new version", schema = @Schema(type = SchemaType.STRING, maxLength = 24)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.CaseDetails.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "PreconditionRequired")
    @APIResponse(ref = "TooManyRequests")
    public Response add(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH)
            @Parameter(description = IF_MATCH, schema = @Schema(maxLength = 24)) String ifMatch,
            @Valid ReferralRequest request) {
        return answer(tasks.add(id, ifMatch, request));
    }

    @POST
    @Path("{referralId}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acknowledgeReferral", summary = "Record that the department has the case",
            description = "SENT becomes ACKNOWLEDGED (an OVERDUE referral stays overdue); a repeat changes nothing; "
                    + "409 for a referral already done. If-Match: the case's ETag.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralRequest.class),
            examples = @ExampleObject(name = "note", value = "{\"note\":\"医保局电话确认已收到\"}")))
    @APIResponse(responseCode = "200", description = "The case with its referrals", headers = @Header(name = "ETag",
            description = "The new version", schema = @Schema(type = SchemaType.STRING, maxLength = 24)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.CaseDetails.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "PreconditionRequired")
    @APIResponse(ref = "TooManyRequests")
    public Response acknowledge(@PathParam("id") UUID id,
            @PathParam("referralId") UUID referralId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH, schema = @Schema(maxLength = 24))
            String ifMatch, @Valid ReferralRequest request) {
        return answer(tasks.acknowledge(id, referralId, ifMatch, request));
    }

    @POST
    @Path("{referralId}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeReferral", summary = "Record the department's outcome: the referral is done",
            description = "outcome is required. When at most one referral is left open, RECORD_REFERRAL_OUTCOME "
                    + "answers it and closes the case. 409 for a referral already done. If-Match: the case's ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralRequest.class),
            examples = @ExampleObject(name = "outcome", value = "{\"outcome\":\"已纳入医疗救助，报销 8000 元\"}")))
    @APIResponse(responseCode = "200", description = "The case with its referrals", headers = @Header(name = "ETag",
            description = "The new version", schema = @Schema(type = SchemaType.STRING, maxLength = 24)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.CaseDetails.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "PreconditionRequired")
    @APIResponse(ref = "TooManyRequests")
    public Response done(@PathParam("id") UUID id,
            @PathParam("referralId") UUID referralId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH, schema = @Schema(maxLength = 24))
            String ifMatch, @Valid ReferralRequest request) {
        return answer(tasks.complete(id, referralId, ifMatch, request));
    }

    private Response answer(CaseFile c) {
        Views.CaseDetails d = queries.detailsAfterAction(c.id);
        return Response.ok(d).header(HttpHeaders.ETAG, "\"" + d.version() + "\"").build();
    }
}
