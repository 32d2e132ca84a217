package cn.scanforhelp.intake.casehandoff;

import cn.scanforhelp.infra.outbox.BatchAnswer;
import cn.scanforhelp.infra.outbox.BatchReceiver;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * case-service's status reports, up to 100 in one call (its outbox relay under load): one token check
 * and one transaction instead of one each. Each item means exactly what the single call means.
 */
@Path("/internal/v1/applications/statuses")
@Tag(name = "internal", description = "Calls from the other services (service accounts)")
public class StatusBatchResource {

    static final int MAX = BatchReceiver.MAX_EVENTS;

    private final StatusService service;
    private final StaffScope caller;
    private final BatchReceiver batches;

    public StatusBatchResource(StatusService service, BatchReceiver batches, StaffScope caller) {
        this.service = service;
        this.caller = caller;
        this.batches = batches;
    }

    @POST
    @RolesAllowed(Roles.UPDATE_STATUS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "reportApplicationStatuses", summary = "case-service reports up to 100 statuses at once",
            description = "Items as reportApplicationStatus's body plus applicationId, 1 to 100. Answers 200 with one "
                    + "result per item, in order: 200 when recorded (or already recorded, or older than what is "
                    + "shown), else the status the single call would have had with its problem type: 400 for an "
                    + "invalid item, 404 for an unknown application. One refused item never holds back the others.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicationStatus.class, minItems = 1,
                    maxItems = MAX),
            examples = @ExampleObject(name = "two applications", value = """
                    [{"applicationId":"0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11",\
                    "eventId":"5d8e0c4b-2a71-4b0e-9d3c-1f6a7e2b9c40","caseId":"3f2a9c1e-8b7d-4e6f-a5c4-2b1d0e9f8a7c",\
                    "sequence":2,"status":"ACCEPTED","nextDeadline":"2026-12-02","updatedAt":"2026-11-29T10:00:00+08:00"},
                    {"applicationId":"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",\
                    "eventId":"8e2f1a0b-3c4d-4e5f-9a6b-7c8d9e0f1a2b","caseId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",\
                    "sequence":5,"status":"APPROVED","updatedAt":"2026-11-29T10:00:02+08:00"}]""")))
    @APIResponse(responseCode = "200", description = "One result per item, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchAnswer.class),
                    examples = @ExampleObject(name = "recorded and unknown", value = """
                            {"results":[{"status":200,"problem":null,"body":null},\
                            {"status":404,"problem":"urn:scan-for-help:problem:not-found","body":null}]}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public BatchAnswer reportAll(List<JsonNode> items) {
        // An item that does not parse or misses a field is refused before the shared transaction
        // (null: the receiver answers 400), so it does not make every other item fall back to its own.
        List<ApplicationStatus> batch = new ArrayList<>(items == null ? 0 : items.size());
        for (ApplicationStatus s : batches.read(items, ApplicationStatus.class)) {
            batch.add(s == null || s.applicationId() == null || !StatusService.errors(s.update()).isEmpty() ? null : s);
        }
        String source = caller.callerClient();
        return batches.receive(batch, s -> {
            service.apply(s.applicationId(), s.update(), source);
            return null;
        });
    }
}
