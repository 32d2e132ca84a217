package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.procedure.Action;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.CaseType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff see of cases. Personal fields are always masked here; {@link Revealed} is the audited exception. */
public final class Views {

    private Views() {
    }

    @Schema(description = "A case in the queue")
    public record CaseSummary(UUID id, @Schema(maxLength = 16) String trackingNumber, CaseType type,
            CaseStatus status, @Schema(maxLength = 16) String channel, @Schema(maxLength = 12) String divisionCode,
            @Schema(maxLength = 100) String townshipName, @Schema(maxLength = 100) String villageName,
            @Schema(maxLength = 100, example = "张*三") String applicantName, boolean urgent,
            OffsetDateTime receivedAt, LocalDate nextDeadline,
            @Schema(nullable = true) Deadlines.State deadlineState, boolean escalated,
            @Schema(nullable = true, format = "int32", minimum = "-10000", maximum = "1000",
                    description = "working days to nextDeadline (negative when overdue)") Integer workingDaysLeft) {
    }

    @Schema(description = "One page of the queue, nearest deadline first")
    public record Page(@Schema(maxItems = 100) List<CaseSummary> items,
            @Schema(format = "int32", minimum = "0", maximum = "100000") int page,
            @Schema(format = "int32", minimum = "1", maximum = "100") int size,
            @Schema(format = "int64", minimum = "0", maximum = "100000000", description = "the cases that match;"
                    + " counted up to 10,000: when more match (and this is not the last page), 10000 with totalCapped")
            long total,
            @Schema(description = "true when more than 10,000 cases match: total is then 10000 (show \"10000+\");"
                    + " narrow the filters for an exact number. A short page (the last) always has the exact total")
            boolean totalCapped) {

        public Page(List<CaseSummary> items, int page, int size, long total) {
            this(items, page, size, total, false);
        }
    }

    @Schema(description = "A statutory deadline of the case")
    public record DeadlineView(cn.scanforhelp.cases.procedure.Clock.Kind kind, LocalDate startedOn, LocalDate dueOn,
            @Schema(format = "int32", minimum = "0", maximum = "1000",
                    description = "the limit: working days, calendar days for the public notice") int days,
            @Schema(format = "int32", minimum = "-10000", maximum = "1000") int workingDaysLeft,
            Deadlines.State state,
            @Schema(description = "false when a year of the period is missing from the calendar: weekends only")
            boolean calendarComplete) {
    }

    @Schema(description = "A recorded step: who, when, what, why")
    public record StepView(@Schema(maxLength = 32) String action, @Schema(maxLength = 24) String fromStatus,
            @Schema(maxLength = 24) String toStatus, @Schema(maxLength = 255) String actor, OffsetDateTime at,
            @Schema(maxLength = 2000) String note, @Schema(maxLength = 4000) String details) {
    }

    @Schema(description = "An application linked to the case")
    public record ApplicationView(UUID applicationId, @Schema(maxLength = 16) String trackingNumber,
            @Schema(maxLength = 16) String channel, boolean duplicate, OffsetDateTime receivedAt,
            @Schema(maxLength = 2000) String description,
            @Schema(description = "False for a duplicate no reviewer has confirmed yet (confirmDuplicateLink): its "
                    + "look-up shows only \"received\"") boolean linkConfirmed,
            @Schema(nullable = true, description = "WINDOW only: what the township's counter saw") CounterView counter) {
    }

    @Schema(description = "An application recorded at the township's walk-in window (一门受理)")
    public record CounterView(@Schema(maxLength = 255, description = "the clerk who recorded it") String recordedBy,
            @Schema(description = "the applicant came in person") boolean inPerson,
            @Schema(description = "the clerk saw the ID card") boolean idSeen,
            @Schema(maxItems = 20, description = "materials received at the counter")
            List<@jakarta.validation.constraints.Size(max = 50) String> materialsReceived) {
    }

    @Schema(description = "A case in full, personal data masked")
    public record CaseDetails(UUID id, @Schema(format = "int64", minimum = "0", maximum = "1000000000") long version,
            @Schema(maxLength = 16) String trackingNumber, CaseType type, CaseStatus status,
            @Schema(maxLength = 16) String channel, @Schema(maxLength = 12) String divisionCode,
            @Schema(maxLength = 100) String townshipName, @Schema(maxLength = 12) String villageCode,
            @Schema(maxLength = 100) String villageName, @Schema(maxLength = 40) String hotline,
            @Schema(maxLength = 100, example = "张*三") String applicantName,
            @Schema(maxLength = 18, example = "620503********123X") String idNumber,
            @Schema(maxLength = 11, example = "138****5678") String phone, boolean urgent,
            @Schema(maxLength = 32) String difficulty, @Schema(maxLength = 2000) String description,
            @Schema(format = "int32", minimum = "1", maximum = "30") Integer householdSize,
            @Schema(maxLength = 100) String alertSource, @Schema(maxLength = 100) String alertReason,
            LocalDate alertDate, OffsetDateTime receivedAt, OffsetDateTime decidedAt,
            OffsetDateTime noticeEndsAt, boolean noticeEnded, boolean extended, OffsetDateTime emergencyAidAt,
            @Schema(maxLength = 100) String department, @Schema(maxLength = 2000) String referralOutcome,
            BigDecimal amountYuan, @Schema(maxLength = 2000) String reason, OffsetDateTime escalatedAt,
            @Schema(nullable = true) Deadlines.State deadlineState,
            @Schema(maxItems = 10) List<DeadlineView> deadlines,
            @Schema(maxItems = 1000) List<ApplicationView> applications,
            @Schema(maxItems = 1000) List<StepView> history,
            @Schema(maxItems = 20, description = "what the caller may do now") List<Action> allowedActions,
            @Schema(description = "false when a deadline uses a year missing from the calendar (weekends only)")
            boolean calendarComplete,
            @Schema(nullable = true, format = "int32", minimum = "1", maximum = "5",
                    description = "the resident's rating after closing") Integer satisfactionRating,
            @Schema(maxItems = 100, description = "referrals (转办) to departments, each with its own due date")
            List<cn.scanforhelp.cases.referral.ReferralView> referrals,
            @Schema(maxItems = 100, description = "other cases of the same ID number: POSSIBLE_DUPLICATE (open in "
                    + "another township), PREVIOUS_CASE / LATER_CASE (before or after a decision)")
            List<LinkedCaseView> linkedCases,
            @Schema(nullable = true, description = "先行救助: the emergency aid granted, apart from amountYuan")
            BigDecimal emergencyAidYuan,
            @Schema(nullable = true, maxLength = 16, enumeration = {"COMPUTED", "OVERRIDDEN", "ENTERED"},
                    description = "how amountYuan came about (GET /api/v1/cases/{id}/amount shows the inputs)")
            String amountBasis,
            @Schema(nullable = true, format = "date", maxLength = 10,
                    description = "the day by which the resident was asked to bring the materials")
            LocalDate materialsDueOn,
            @Schema(maxItems = 100, description = "materials already received at the township's window for any of "
                    + "the case's applications: a 一次性告知 need not ask for them")
            List<@jakarta.validation.constraints.Size(max = 50) String> materialsReceived,
            @Schema(nullable = true, maxLength = 20, example = "张*", description = "the applicant's name as the public "
                    + "notice (公示) shows it, surname and one star (infra Masking.noticeName); null before a notice")
            String noticeName,
            @Schema(enumeration = {"SMS", "CALL_BACK"}, maxLength = 9, description = "how the resident hears of each "
                    + "step: SMS, or CALL_BACK when the case has no mobile number (a landline caller; 无短信：请电话回复)")
            String contact) {
    }

    @Schema(description = "Another case of the same ID number; no personal data, only where and how far it is")
    public record LinkedCaseView(UUID caseId, CaseLink.Kind kind, @Schema(maxLength = 16) String trackingNumber,
            @Schema(maxLength = 12) String divisionCode, @Schema(maxLength = 100) String townshipName,
            CaseStatus status, OffsetDateTime receivedAt, OffsetDateTime linkedAt) {
    }

    @Schema(description = "The full personal data of the applicant (audited)")
    public record Revealed(@Schema(maxLength = 100) String name, @Schema(maxLength = 18) String idNumber,
            @Schema(maxLength = 11) String phone) {
    }
}
