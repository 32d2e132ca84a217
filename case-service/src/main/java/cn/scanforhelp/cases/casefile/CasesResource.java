package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
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

/** The township queue, a case, its actions and the audited reveal. Scoped to the caller's division. */
@Path("/api/v1/cases")
@Tag(name = "Cases", description = "Township review: the queue, the procedure, deadlines")
@RolesAllowed({Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
@SecurityRequirement(name = "oidc")
public class CasesResource {

    static final String SUMMARY_EXAMPLE = """
            {"items":[{"id":"3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6","trackingNumber":"K7QM4HXP2R","type":"UNCLASSIFIED",
            "status":"RECEIVED","channel":"QR","divisionCode":"620503114","townshipName":"利桥镇","villageName":"花园村",
            "applicantName":"张*三","urgent":false,"receivedAt":"2026-11-29T09:00:00+08:00","nextDeadline":"2026-12-02",
            "deadlineState":"ON_TRACK","escalated":false,"workingDaysLeft":3}],"page":0,"size":20,"total":1,"totalCapped":false}""";
    static final String ACTION_EXAMPLE = "{\"action\":\"REQUEST_MATERIALS\",\"note\":\"电话告知\","
            + "\"materials\":[\"户口簿复印件\",\"医院诊断证明\"]}";

    private final CaseQueries queries;
    private final CaseActions actions;
    private final LinkConfirmation links;
    private final ActionRehearsal rehearsal;

    public CasesResource(CaseQueries queries, CaseActions actions, LinkConfirmation links, ActionRehearsal rehearsal) {
        this.queries = queries;
        this.rehearsal = rehearsal;
        this.links = links;
        this.actions = actions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCases", summary = "The queue, nearest deadline first",
            description = "Only cases whose division code starts with the caller's division. The list itself is audited."
                    + " total counts matching cases up to 10,000; beyond, total is 10000 and totalCapped is true.")
    @APIResponse(responseCode = "200", description = "One page of cases", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.Page.class),
            examples = @ExampleObject(name = "queue", value = SUMMARY_EXAMPLE)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Views.Page list(@QueryParam("status") CaseStatus status, @QueryParam("type") CaseType type,
            @QueryParam("channel") @Pattern(regexp = "QR|HOTLINE|MONITORING|WINDOW")
            @Parameter(schema = @Schema(enumeration = {"QR", "HOTLINE", "MONITORING", "WINDOW"}, maxLength = 16)) String channel,
            @QueryParam("deadlineState") @Parameter(description = "ON_TRACK, AT_RISK or OVERDUE")
            Deadlines.State deadlineState,
            @QueryParam("division") @Pattern(regexp = "[0-9]{2,12}")
            @Parameter(schema = @Schema(pattern = "^[0-9]{2,12}$", maxLength = 12)) String division,
            @QueryParam("text") @Size(max = 100)
            @Parameter(description = "a tracking number, an applicant's full name, or words of the village name",
                    schema = @Schema(maxLength = 100)) String text,
            @QueryParam("escalated") @Parameter(description = "only cases escalated to the district (true) or not")
            Boolean escalated,
            @QueryParam("possibleDuplicate") @Parameter(description = "only cases flagged as possible duplicates of a "
                    + "case open in another township (true), or only those not flagged (false)")
            Boolean possibleDuplicate,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "100000"))
            int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100"))
            int size) {
        return queries.queue(new CaseQueries.Filter(status, type, channel, deadlineState, division, text, escalated,
                possibleDuplicate),
                page, size);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCase", summary = "A case: masked personal data, history, deadlines, allowed actions",
            description = "The ETag header carries the version to send back in If-Match. Every read is audited.")
    @APIResponse(responseCode = "200", description = "The case", headers = @Header(name = "ETag",
            description = "The case's version", schema = @Schema(type = SchemaType.STRING, maxLength = 24)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.CaseDetails.class)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "TooManyRequests")
    public Response get(@PathParam("id") UUID id) {
        Views.CaseDetails d = queries.details(id);
        return Response.ok(d).header(HttpHeaders.ETAG, "\"" + d.version() + "\"").build();
    }

    @POST
    @Path("{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "actOnCase", summary = "Take a step of the procedure",
            description = "Allowed only as the procedure table says (409 otherwise, naming the state and the allowed "
                    + "actions). If-Match must carry the case's ETag: 428 without it, 412 when another step came first.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionRequest.class),
            examples = @ExampleObject(name = "materials", value = ACTION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag",
            description = "The new version", schema = @Schema(type = SchemaType.STRING, maxLength = 24)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.CaseDetails.class)))
    @APIResponse(responseCode = "204", description = "TRANSFER to a township outside the caller's division: done, "
            + "and the case is now only the new township's (and the district's) to see")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "PreconditionRequired")
    @APIResponse(ref = "TooManyRequests")
    @APIResponse(ref = "ServiceUnavailable")
    public Response act(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "the case's ETag, e.g. \"3\"",
                    schema = @Schema(maxLength = 24)) String ifMatch,
            @Valid @NotNull ActionRequest request) {
        CaseFile c = actions.act(id, ifMatch, request);
        if (!queries.covers(c.divisionCode)) {
            return Response.noContent().build(); // transferred out of the caller's division: no longer theirs to see
        }
        Views.CaseDetails d = queries.detailsAfterAction(c.id);
        return Response.ok(d).header(HttpHeaders.ETAG, "\"" + d.version() + "\"").build();
    }

    @POST
    @Path("{id}/actions/rehearsal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rehearseAction", summary = "The SMS a step would send, without taking the step",
            description = "Runs the step as actOnCase does (the same checks and answers: 400, 409, 412, 428) and undoes "
                    + "it: nothing is recorded, sent or audited. The answer is the step's SMS to the resident as values "
                    + "(the deadline, amount and dates the step computes), to render with notification-service's "
                    + "previewNotification; or why the step sends none (NO_EVENT, NO_PHONE).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionRequest.class),
            examples = @ExampleObject(name = "materials", value = ACTION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The SMS the step would send, or why none",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionRehearsal.Sms.class),
                    examples = @ExampleObject(name = "materials", value = """
                            {"sms":{"type":"MATERIALS_REQUESTED","trackingNumber":"K7QM4HXP2R","townshipName":"利桥镇",\
                            "hotline":"0938-2731234","deadline":null,"reasonCategory":null,\
                            "materials":["户口簿复印件","医院诊断证明"],"department":null,"amountYuan":null,\
                            "noticeEndsOn":null,"payment":null,"materialsDueOn":"2026-12-16"},"noSms":null}""")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "PreconditionRequired")
    @APIResponse(ref = "TooManyRequests")
    @APIResponse(ref = "ServiceUnavailable")
    public ActionRehearsal.Sms rehearse(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "the case's ETag, e.g. \"3\"",
                    schema = @Schema(maxLength = 24)) String ifMatch,
            @Valid @NotNull ActionRequest request) {
        return rehearsal.rehearse(id, ifMatch, request);
    }

    @POST
    @Path("{id}/applications/{applicationId}/confirm-link")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmDuplicateLink", summary = "Confirm that a linked duplicate is the applicant's",
            description = "A duplicate is linked to the open case of the same ID number; until a reviewer confirms the "
                    + "link (e.g. after calling the number on the case), its look-up shows only \"received\" and the "
                    + "case's status is not sent to it. Confirming sends the current status to that application; a "
                    + "second confirmation has no further effect. If-Match must carry the case's ETag.")
    @APIResponse(responseCode = "200", description = "The case, the application confirmed", headers = @Header(
            name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING, maxLength = 24)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.CaseDetails.class)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "PreconditionRequired")
    @APIResponse(ref = "TooManyRequests")
    public Response confirmLink(@PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "the case's ETag, e.g. \"3\"",
                    schema = @Schema(maxLength = 24)) String ifMatch) {
        CaseFile c = links.confirm(id, applicationId, ifMatch);
        Views.CaseDetails d = queries.detailsAfterAction(c.id);
        return Response.ok(d).header(HttpHeaders.ETAG, "\"" + d.version() + "\"").build();
    }

    @POST
    @Path("{id}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revealApplicant", summary = "Show the applicant's full name, ID number and phone (audited)",
            description = "A reason is required; the audit entry of the reveal records who, when and why.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RevealRequest.class),
            examples = @ExampleObject(name = "reason", value = "{\"reason\":\"电话核实申请人身份\"}")))
    @APIResponse(responseCode = "200", description = "The full values", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.Revealed.class),
            examples = @ExampleObject(name = "revealed",
                    value = "{\"name\":\"张小三\",\"idNumber\":\"620503198001011237\",\"phone\":\"13812345678\"}")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "TooManyRequests")
    public Views.Revealed reveal(@PathParam("id") UUID id, @Valid RevealRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.validation(List.of(FieldError.of("reason", "constraint.NotBlank")));
        }
        return queries.reveal(id, request.reason().trim());
    }
}
