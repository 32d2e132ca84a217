package cn.scanforhelp.cases.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral as staff see it (no personal data: a department, dates, the department's answer). */
@Schema(name = "Referral", description = "A referral (转办) of the case to a department, tracked with its own due date")
public record ReferralView(UUID id,
        @Schema(maxLength = 100, example = "医疗保障局") String department, CaseReferral.State state,
        LocalDate sentOn, LocalDate dueOn,
        @Schema(format = "int32", minimum = "1", maximum = "1000", description = "the limit in working days") int days,
        @Schema(format = "int32", minimum = "-10000", maximum = "1000",
                description = "working days to dueOn (negative when overdue; 0 once done)") int workingDaysLeft,
        OffsetDateTime sentAt, OffsetDateTime acknowledgedAt, OffsetDateTime doneAt,
        @Schema(nullable = true, description = "when done: on or before the due date") Boolean met,
        @Schema(maxLength = 2000) String outcome, OffsetDateTime escalatedAt) {
}
