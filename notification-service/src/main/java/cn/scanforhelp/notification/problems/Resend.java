package cn.scanforhelp.notification.problems;

import cn.scanforhelp.notification.message.SmsStatus;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new message a resend stored. */
@Schema(name = "SmsResend", description = "The new message that sends a failed one again")
public record Resend(UUID id, UUID resendOf, SmsStatus status,
        @Schema(description = "When the sender sends it (after quiet hours for a message that is not urgent)")
        OffsetDateTime scheduledFor) {
}
