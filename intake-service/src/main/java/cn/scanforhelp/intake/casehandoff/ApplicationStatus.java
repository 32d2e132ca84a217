package cn.scanforhelp.intake.casehandoff;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of a batch of status reports: the application, then the fields of {@link StatusUpdate}. */
@Schema(name = "ApplicationStatus", description = "A transition of the case, for one linked application")
public record ApplicationStatus(
        @Schema(required = true, format = "uuid", maxLength = 36, example = "0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11")
        UUID applicationId,
        @Schema(required = true, format = "uuid", maxLength = 36) UUID eventId,
        @Schema(maxLength = 64, example = "3f2a9c1e-…") String caseId,
        @Schema(required = true, format = "int64", minimum = "0", maximum = "9223372036854775807", example = "4")
        Long sequence,
        @Schema(required = true, maxLength = 24, example = "ACCEPTED", enumeration = {"RECEIVED", "ACCEPTED",
                "MATERIALS_REQUESTED", "NOT_ACCEPTED", "UNDER_REVIEW", "PUBLIC_NOTICE", "APPROVED", "REJECTED",
                "REFERRED", "EMERGENCY_AID", "WITHDRAWN", "CLOSED"}) String status,
        @Schema(example = "2026-12-02", maxLength = 10) LocalDate nextDeadline,
        @Schema(required = true, example = "2026-11-29T10:00:00+08:00", maxLength = 35) OffsetDateTime updatedAt) {

    StatusUpdate update() {
        return new StatusUpdate(eventId, caseId, sequence, status, nextDeadline, updatedAt);
    }
}
