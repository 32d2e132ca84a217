package cn.scanforhelp.notification.event;

import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.notification.message.SmsStatus;
import cn.scanforhelp.notification.sending.SmsSender;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

/** case-service's events; answered at once, the SMS goes out after the commit. */
@Path("/internal/v1/events")
@Tag(name = "Events", description = "Case events that become SMS (service accounts only)")
public class EventResource {

    static final String EXAMPLE = """
            {"eventId":"6f1c2b9e-1d2a-4c1e-9a55-0d6f5b8a1c01","type":"RECEIVED",
             "caseId":"0b7e8a44-3c1d-4f5e-8a9b-2c4d6e8f0a12","trackingNumber":"K7QM4HXP2R",
             "divisionCode":"620503114","townshipName":"利桥镇","hotline":"0938-2731234",
             "phone":"13812345678","urgent":false,"occurredAt":"2026-11-29T09:00:05+08:00",
             "deadline":"2026-12-02"}""";

    private final EventService events;
    private final SmsSender sender;

    public EventResource(EventService events, SmsSender sender) {
        this.events = events;
        this.sender = sender;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "receiveCaseEvent", summary = "Store the SMS of a case event (idempotent by eventId)",
            description = "Answers 202 at once; the SMS is sent after the commit, respecting quiet hours unless "
                    + "urgent. A repeated eventId answers the first notification and sends nothing new.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseEvent.class),
            examples = @ExampleObject(name = "received", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Stored (or already stored: duplicate true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ack.class),
                    examples = @ExampleObject(name = "stored", value = """
                            {"notificationId":"9d3b6a0e-5f4c-4b2a-8e1d-7c6b5a4f3e21","duplicate":false,
                             "status":"PENDING","scheduledFor":"2026-11-29T01:00:05Z"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response receive(@Valid @NotNull CaseEvent event) {
        EventService.Accepted a = events.accept(event);
        if (!a.duplicate()) {
            sender.wake();
        }
        return Response.accepted(new Ack(a.notificationId(), a.duplicate(), a.status(), a.scheduledFor())).build();
    }

    @Schema(description = "The stored notification")
    public record Ack(UUID notificationId,
            @Schema(description = "True when this eventId had been received before") boolean duplicate,
            SmsStatus status,
            @Schema(description = "Earliest send time (later in quiet hours)", format = "date-time", maxLength = 35) OffsetDateTime scheduledFor) {
    }
}
