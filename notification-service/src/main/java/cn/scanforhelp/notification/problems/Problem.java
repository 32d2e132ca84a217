package cn.scanforhelp.notification.problems;

import cn.scanforhelp.notification.message.SmsStatus;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One SMS that went wrong, as the officer's list shows it: no phone, no text. */
@Schema(name = "SmsProblem", description = "An SMS that was not delivered, with its case and what was done about it")
public record Problem(
        UUID id,
        @Schema(maxLength = 64, description = "case-service's case id") String caseId,
        @Schema(maxLength = 32, pattern = "^[A-Z0-9]{6,32}$", example = "K7QM4HXP2R") String trackingNumber,
        @Schema(maxLength = 12, pattern = "^[0-9]{2,12}$", example = "620503114") String divisionCode,
        @Schema(maxLength = 32, pattern = "^[A-Z_]{1,32}$", example = "RECEIVED") String eventType,
        @Schema(enumeration = {"FAILED", "UNDELIVERABLE", "EXPIRED", "UNKNOWN"}) SmsStatus status,
        @Schema(maxLength = 16, pattern = "^[A-Z]{1,16}$", example = "UNDELIV", nullable = true,
                description = "The SMSC's last receipt state") String receiptState,
        @Schema(maxLength = 100, example = "001", nullable = true,
                description = "The error codes of the receipts that were not DELIVRD (comma separated)") String receiptError,
        @Schema(maxLength = 200, nullable = true, example = "0x0B",
                description = "Why the sender gave up (SMPP status or reason)") String lastError,
        OffsetDateTime createdAt,
        @Schema(nullable = true, format = "date-time", maxLength = 35) OffsetDateTime sentAt,
        @Schema(nullable = true, description = "This message is itself the resend of that message") UUID resendOf,
        @Schema(nullable = true, description = "The resend of this message, if it was resent") UUID resentAs,
        @Schema(nullable = true, maxLength = 16, description = "The resend's status") SmsStatus resendStatus,
        @Schema(description = "Resent once already (or is a resend): a further resend is refused") boolean resent,
        @Schema(description = "Marked handled by an officer") boolean handled,
        @Schema(nullable = true, format = "date-time", maxLength = 35) OffsetDateTime handledAt,
        @Schema(maxLength = 255, nullable = true, example = "officer") String handledBy,
        @Schema(maxLength = 200, nullable = true, example = "已电话告知居民") String handledNote) {
}
