package cn.scanforhelp.notification.event;

import cn.scanforhelp.infra.outbox.BatchAnswer;
import cn.scanforhelp.infra.outbox.BatchReceiver;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
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
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

    /** Most events in one batch call; case-service sends at most this many. */
    static final int BATCH_MAX = BatchReceiver.MAX_EVENTS;

    static final String BATCH_EXAMPLE = "[" + EXAMPLE + """
            ,
            {"eventId":"2a4c6e80-0000-4000-8000-00000000b002","type":"REJECTED",
             "caseId":"3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6","trackingNumber":"M3TX8WQ5ZC",
             "divisionCode":"620503116","townshipName":"党川镇","hotline":"0938-2731001",
             "phone":"13912345678","urgent":false,"occurredAt":"2026-11-29T09:00:07+08:00",
             "reasonCategory":"INCOME_ABOVE_STANDARD"}]""";

    private final EventService events;
    private final SmsSender sender;
    private final BatchReceiver batches;
    private final StaffScope caller;

    public EventResource(EventService events, SmsSender sender, BatchReceiver batches, StaffScope caller) {
        this.events = events;
        this.sender = sender;
        this.batches = batches;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SEND_EVENTS)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "receiveCaseEvent", summary = "Store the SMS of a case event (idempotent by eventId)",
            description = "Answers 202 at once; the SMS is sent after the commit, respecting quiet hours unless "
                    + "urgent. A repeated eventId answers the first notification and sends nothing new. Only for "
                    + "the client role send-events (case-service's account).")
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
        EventService.Accepted a = events.accept(event, caller.callerClient());
        if (!a.duplicate()) {
            sender.wake();
        }
        return Response.accepted(new Ack(a.notificationId(), a.duplicate(), a.status(), a.scheduledFor())).build();
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SEND_EVENTS)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "receiveCaseEvents", summary = "Store the SMS of up to 100 case events in one call",
            description = "The same events as receiveCaseEvent, 1 to 100 in one array, for the outbox relay under "
                    + "load: one token check and one transaction instead of one per event. Answers 200 with one "
                    + "result per event, in order: status 200 with the same body as the single call (a repeated "
                    + "eventId answers duplicate true and sends nothing new), or the status the event alone would "
                    + "have had (400 for an invalid event) with its problem type. An invalid event never holds "
                    + "back the others. The SMS go out after the commit, as for single events.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CaseEvent.class, minItems = 1,
                    maxItems = BATCH_MAX),
            examples = @ExampleObject(name = "two events", value = BATCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per event, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchAnswer.class),
                    examples = @ExampleObject(name = "stored and invalid", value = """
                            {"results":[{"status":200,"problem":null,"body":{"notificationId":\
                            "9d3b6a0e-5f4c-4b2a-8e1d-7c6b5a4f3e21","duplicate":false,"status":"PENDING",\
                            "scheduledFor":"2026-11-29T01:00:05Z"}},\
                            {"status":400,"problem":"urn:scan-for-help:problem:validation-failed","body":null}]}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public BatchAnswer receiveAll(List<JsonNode> items) {
        // Each item is read on its own, so one that does not even parse (an unknown type, a bad date)
        // is refused alone instead of failing the whole call.
        List<CaseEvent> batch = batches.read(items, CaseEvent.class);
        String source = caller.callerClient();
        BatchAnswer answer = batches.receive(batch, e -> {
            EventService.Accepted a = events.accept(e, source);
            return new Ack(a.notificationId(), a.duplicate(), a.status(), a.scheduledFor());
        });
        // after the commit (receive returns once it is done), as for a single event
        if (answer.results().stream().anyMatch(r -> r.body() instanceof Ack a && !a.duplicate())) {
            sender.wake();
        }
        return answer;
    }

    @Schema(description = "The stored notification")
    public record Ack(UUID notificationId,
            @Schema(description = "True when this eventId had been received before") boolean duplicate,
            SmsStatus status,
            @Schema(description = "Earliest send time (later in quiet hours)", format = "date-time", maxLength = 35) OffsetDateTime scheduledFor) {
    }
}
