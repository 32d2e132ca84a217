package cn.scanforhelp.cases.intake;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.infra.outbox.Inbox;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** notification-service reports a satisfaction reply (docs/contracts.md); idempotent by eventId. */
@Path("/internal/v1/cases/{caseId}/satisfaction")
@Tag(name = "Internal", description = "Calls from the other services (service accounts)")
public class SatisfactionResource {

    private final Inbox inbox;
    private final AuditLog audit;
    private final StaffScope caller;

    public SatisfactionResource(Inbox inbox, AuditLog audit, StaffScope caller) {
        this.inbox = inbox;
        this.audit = audit;
        this.caller = caller;
    }

    @Schema(description = "A resident's rating of a closed case, replied by SMS")
    public record Satisfaction(@NotNull UUID eventId,
            @NotNull @Min(1) @Max(5) @Schema(format = "int32", minimum = "1", maximum = "5") Integer rating,
            @NotNull OffsetDateTime receivedAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECORD_SATISFACTION)
    @SecurityRequirement(name = "oidc")
    @Transactional
    @Operation(operationId = "recordSatisfaction", summary = "Record a satisfaction rating (idempotent by eventId)",
            description = "From notification-service when a resident replies to the closing SMS; only for the "
                    + "client role record-satisfaction (notification-service's account).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Satisfaction.class),
            examples = @ExampleObject(name = "five", value = "{\"eventId\":\"7a1d4c21-5b6e-4f80-9123-4567890abcde\","
                    + "\"rating\":5,\"receivedAt\":\"2026-12-20T10:00:00+08:00\"}")))
    @APIResponse(responseCode = "204", description = "Recorded (or a repeat, ignored)")
    @APIResponse(ref = "NotFound")
    public Response record(@PathParam("caseId") UUID caseId, @Valid @NotNull Satisfaction body) {
        CaseFile c = CaseFile.findById(caseId);
        if (c == null) {
            throw ProblemException.notFound("案件");
        }
        String source = caller.callerClient();
        if (inbox.firstDelivery(body.eventId(), source)) {
            c.satisfactionRating = body.rating();
            c.satisfactionAt = body.receivedAt();
            audit.record(source, Roles.RECORD_SATISFACTION, "SATISFACTION", c.id, c.divisionCode,
                    "rating " + body.rating());
        }
        return Response.noContent().build();
    }
}
