package cn.scanforhelp.intake.casehandoff;

import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/internal/v1/applications/{applicationId}/status")
@Tag(name = "internal", description = "Calls from the other services (service accounts)")
public class StatusResource {

    private final StatusService service;
    private final StaffScope caller;

    public StatusResource(StatusService service, StaffScope caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.UPDATE_STATUS)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "reportApplicationStatus", summary = "case-service reports a status (idempotent)",
            description = "Each eventId is applied once; an update with a sequence not above the last one is ignored. "
                    + "Only for the client role update-status (case-service's account).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatusUpdate.class), examples = @ExampleObject(name = "accepted", value = """
                    {"eventId":"5d8e0c4b-2a71-4b0e-9d3c-1f6a7e2b9c40","caseId":"3f2a9c1e-8b7d-4e6f-a5c4-2b1d0e9f8a7c",\
                    "sequence":2,"status":"ACCEPTED","nextDeadline":"2026-12-02","updatedAt":"2026-11-29T10:00:00+08:00"}""")))
    @APIResponse(responseCode = "204", description = "Recorded (or already recorded, or older than what is shown)")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public Response report(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("applicationId") UUID applicationId, StatusUpdate update) {
        if (update == null) {
            throw new cn.scanforhelp.infra.problem.ProblemException(400, "malformed-json");
        }
        service.apply(applicationId, update, caller.callerClient());
        return Response.noContent().build();
    }
}
