package cn.scanforhelp.notification.problems;

import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.notification.sending.SmsSender;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** What an officer does about an SMS that went wrong: resend it once, or mark it handled. Both audited. */
@Path("/api/v1/notifications/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}")
@Tag(name = "Notifications", description = "The SMS sent to an applicant")
public class SmsProblemActionsResource {

    private static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final String CONFLICT = """
            {"type":"urn:scan-for-help:problem:sms-already-resent","title":"短信已重发过","status":409,
             "detail":"这条短信已重发过一次（或本身就是重发），不能再次重发。请致电居民，或标记为已处理。"}""";

    private final SmsProblems problems;
    private final SmsSender sender;

    public SmsProblemActionsResource(SmsProblems problems, SmsSender sender) {
        this.problems = problems;
        this.sender = sender;
    }

    @POST
    @Path("/resend")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.TOWNSHIP_REVIEWER})
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "resendSms", summary = "Send an SMS that went wrong once more",
            description = "Stores a new message with the same text to the same phone, linked to this one, and "
                    + "hands it to the normal sender (quiet hours apply to messages that are not urgent). Once "
                    + "only: a message resent already, or itself a resend, is 409. Audited with who asked.")
    @APIResponse(responseCode = "201", description = "The new message, waiting for the sender",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Resend.class),
                    examples = @ExampleObject(name = "stored", value = """
                            {"id":"0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11","resendOf":"9d3b6a0e-5f4c-4b2a-8e1d-7c6b5a4f3e21",
                             "status":"PENDING","scheduledFor":"2026-11-29T02:00:00Z"}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Resent already, handled, delivered or still being sent, or "
            + "its phone erased by retention", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "resent", value = CONFLICT)))
    public Response resend(@Parameter(description = "The message's id", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36,
                    pattern = UUID_PATTERN))
            @PathParam("id") UUID id) {
        Resend r = problems.resend(id);
        sender.wake(); // after the commit, as for a new event
        return Response.status(201).entity(r).build();
    }

    @POST
    @Path("/handled")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.TOWNSHIP_REVIEWER})
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "markSmsHandled", summary = "Mark an SMS that went wrong as handled",
            description = "With a note of what was done (e.g. called the resident); it leaves the open list. "
                    + "Audited with who (the note stays with the message and is erased with its phone).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HandledNote.class),
            examples = @ExampleObject(name = "called", value = """
                    {"note":"已电话告知居民受理结果"}""")))
    @APIResponse(responseCode = "200", description = "Marked handled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Handled.class),
                    examples = @ExampleObject(name = "handled", value = """
                            {"id":"9d3b6a0e-5f4c-4b2a-8e1d-7c6b5a4f3e21","handledAt":"2026-11-29T03:00:00Z",
                             "handledBy":"officer","note":"已电话告知居民受理结果"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Handled already, or not a message that went wrong",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "handled",
                    value = """
                            {"type":"urn:scan-for-help:problem:sms-already-handled","title":"短信已处理","status":409,
                             "detail":"这条短信已标记为已处理。"}""")))
    public Handled handled(@Parameter(description = "The message's id", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36,
                    pattern = UUID_PATTERN))
            @PathParam("id") UUID id, @Valid @NotNull HandledNote body) {
        return problems.handled(id, body.note());
    }

    @Schema(name = "SmsHandledNote", description = "What the officer did")
    public record HandledNote(@NotBlank @Size(max = 200)
            @Schema(maxLength = 200, minLength = 1, example = "已电话告知居民受理结果") String note) {
    }
}
