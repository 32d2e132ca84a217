package cn.scanforhelp.cases.notice;

import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** intake forwards an objection filed on a public notice page (docs/contracts.md); idempotent by eventId. */
@Path("/internal/v1/notices/{noticeId}/objections")
@Tag(name = "Internal", description = "Calls from the other services (service accounts)")
public class ObjectionsResource {

    private final Objections objections;
    private final StaffScope caller;

    public ObjectionsResource(Objections objections, StaffScope caller) {
        this.objections = objections;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FILE_OBJECTIONS)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "fileNoticeObjection", summary = "Record an objection to a public notice (idempotent by eventId)",
            description = "From intake-service's public notice page; only for the client role file-objections "
                    + "(intake-service's account). The case goes back to investigation (RECORD_OBJECTION) and "
                    + "the notice is withdrawn from the public page.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionIn.class),
            examples = @ExampleObject(name = "objection", value = "{\"eventId\":\"7a1d4c21-5b6e-4f80-9123-4567890abcde\","
                    + "\"name\":\"王某\",\"contact\":\"13912345678\",\"text\":\"该户家中有经营性收入\","
                    + "\"receivedAt\":\"2026-12-02T10:00:00+08:00\"}")))
    @APIResponse(responseCode = "204", description = "Recorded: the case is back in investigation, or, when it had "
            + "already left the notice, the objection is kept with it (a repeat is ignored)")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public Response file(@PathParam("noticeId") @Schema(format = "uuid", maxLength = 36) UUID noticeId,
            @Valid @NotNull ObjectionIn body) {
        objections.record(noticeId, body, caller.callerClient());
        return Response.noContent().build();
    }
}
