package cn.scanforhelp.notification.staff;

import cn.scanforhelp.infra.audit.StaffAudit;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.Masking;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import cn.scanforhelp.notification.message.SmsMessage;
import cn.scanforhelp.notification.message.SmsStatus;
import cn.scanforhelp.notification.reply.SmsReply;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Staff see every SMS of an application in their division: text, status, attempts, receipt. */
@Path("/api/v1/notifications")
@Tag(name = "Notifications", description = "The SMS sent to an applicant")
public class NotificationResource {

    private static final Logger LOG = Logger.getLogger(NotificationResource.class);

    private final StaffScope scope;
    private final FieldCipher cipher;
    private final StaffAudit audit;

    public NotificationResource(StaffScope scope, FieldCipher cipher, StaffAudit audit) {
        this.scope = scope;
        this.cipher = cipher;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.HOTLINE_OPERATOR, Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER, Roles.ADMIN})
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "listNotifications", summary = "Every SMS of one application (phone masked)",
            description = "Messages oldest first with their text, status, attempts, parts and delivery receipt; "
                    + "only applications in the caller's division. Replies show their rating, never their text.")
    @APIResponse(responseCode = "200", description = "The messages, oldest first, and the applicant's replies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Notifications.class),
                    examples = @ExampleObject(name = "delivered", value = """
                            {"trackingNumber":"K7QM4HXP2R","messages":[{"id":"9d3b6a0e-5f4c-4b2a-8e1d-7c6b5a4f3e21",
                             "eventType":"RECEIVED","phone":"138****5678",
                             "text":"【麦积区民政局】您的救助申请已收到，查询号K7QM4HXP2R。利桥镇将于12月2日前决定是否受理。咨询0938-2731234",
                             "parts":1,"status":"DELIVERED","attempts":1,"urgent":false,
                             "createdAt":"2026-11-29T01:00:05Z","nextAttemptAt":"2026-11-29T01:00:05Z",
                             "sentAt":"2026-11-29T01:00:06Z","receiptState":"DELIVRD",
                             "receiptAt":"2026-11-29T01:00:09Z"}],
                             "replies":[{"receivedAt":"2026-12-20T02:00:00Z","rating":5}]}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Notifications list(
            @Parameter(description = "The application's tracking number", example = "K7QM4HXP2R",
                    schema = @Schema(maxLength = 32, pattern = "^[A-Z0-9]{6,32}$"))
            @QueryParam("trackingNumber") @NotBlank @Pattern(regexp = "^[A-Z0-9]{6,32}$") String trackingNumber) {
        String division = scope.division();
        List<SmsMessage> all = SmsMessage.byTrackingNumber(trackingNumber).stream()
                .filter(m -> m.divisionCode.startsWith(division)).toList();
        if (all.isEmpty()) {
            throw new ProblemException(404, "notifications-not-found");
        }
        audit.record("READ_NOTIFICATIONS", trackingNumber, all.get(0).divisionCode, all.size() + " messages");
        List<Reply> replies = SmsReply.<SmsReply>list("trackingNumber = ?1 order by receivedAt", trackingNumber)
                .stream().filter(r -> r.divisionCode != null && r.divisionCode.startsWith(division))
                .map(r -> new Reply(r.receivedAt, r.rating)).toList();
        return new Notifications(trackingNumber, all.stream().map(this::view).toList(), replies);
    }

    private Message view(SmsMessage m) {
        // Past its retention period (SmsRetention) a message has no phone left (null). A phone that does not belong
        // to this row (moved or tampered with) is shown as "" and logged by id, never as someone else's number.
        String phone = "";
        if (m.phoneEnc != null && !m.phoneEnc.isEmpty()) {
            try {
                phone = Masking.phone(cipher.decrypt(m.phoneEnc, SmsMessage.phoneOf(m.id)));
            } catch (FieldCipher.Misplaced e) {
                LOG.warnf("sms_message %s: its encrypted recipient belongs to another row (moved or tampered with); shown blank", m.id);
            }
        }
        return new Message(m.id, m.eventType, phone, m.body, m.parts, m.status, m.attempts, m.urgent,
                m.createdAt, m.nextAttemptAt, m.sentAt, m.receiptState, m.receiptAt, m.lastError);
    }

    @Schema(description = "The SMS of one application")
    public record Notifications(@Schema(maxLength = 32, pattern = "^[A-Z0-9]{6,32}$", example = "K7QM4HXP2R")
            String trackingNumber,
            @Schema(maxItems = 200) List<Message> messages,
            @Schema(maxItems = 200, description = "Replies from the applicant (text not shown)") List<Reply> replies) {
    }

    @Schema(description = "One SMS")
    public record Message(UUID id,
            @Schema(maxLength = 32, pattern = "^[A-Z_]{1,32}$", example = "RECEIVED") String eventType,
            @Schema(maxLength = 20, pattern = "^[0-9*]{1,20}$", example = "138****5678") String phone,
            @Schema(maxLength = 1000) String text,
            @Schema(format = "int32", minimum = "1", maximum = "10") int parts,
            SmsStatus status,
            @Schema(format = "int32", minimum = "0", maximum = "10000") int attempts,
            boolean urgent, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt,
            @Schema(maxLength = 16, pattern = "^[A-Z]{1,16}$", example = "DELIVRD",
                    description = "The SMSC's receipt state") String receiptState,
            OffsetDateTime receiptAt,
            @Schema(maxLength = 200) String lastError) {
    }

    @Schema(description = "A reply from the applicant")
    public record Reply(OffsetDateTime receivedAt,
            @Schema(format = "int32", minimum = "1", maximum = "5", description = "Satisfaction rating, if the reply was one")
            Integer rating) {
    }
}
