package cn.scanforhelp.console.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What case-service answers, as far as the pages show it (unknown properties are ignored). Personal data
 * arrives masked; only {@link Revealed} carries full values, and the console keeps it no longer than one page.
 */
public final class CaseApi {

    private CaseApi() {
    }

    public record Summary(UUID id, String trackingNumber, String type, String status, String channel,
            String divisionCode, String townshipName, String villageName, String applicantName, boolean urgent,
            OffsetDateTime receivedAt, LocalDate nextDeadline, String deadlineState, boolean escalated,
            Integer workingDaysLeft) {
    }

    public record Page(List<Summary> items, int page, int size, long total, boolean totalCapped) {
    }

    /** The queue's counters: {@code GET /api/v1/cases/deadline-counts}. */
    /**
     * case-service's rehearsal of a step: {@code sms} the values of the SMS it would send (notification-service's
     * preview body), or {@code noSms} why it sends none: {@code NO_EVENT}, {@code NO_PHONE}.
     */
    public record Rehearsed(cn.scanforhelp.console.sms.NotificationServiceClient.Preview sms, String noSms) {
    }

    public record DeadlineCounts(long onTrack, long atRisk, long overdue) {
    }

    public record Deadline(String kind, LocalDate startedOn, LocalDate dueOn, int days, int workingDaysLeft,
            String state, boolean calendarComplete) {
    }

    public record Step(String action, String fromStatus, String toStatus, String actor, OffsetDateTime at,
            String note, String details) {
    }

    /** {@code linkConfirmed}: false for a duplicate a reviewer has not yet confirmed as the applicant's. */
    public record Application(UUID applicationId, String trackingNumber, String channel, boolean duplicate,
            OffsetDateTime receivedAt, String description, boolean linkConfirmed, Counter counter) {
    }

    /** WINDOW only: what the township's counter saw (一门受理). */
    public record Counter(String recordedBy, boolean inPerson, boolean idSeen, List<String> materialsReceived) {
    }

    public record Details(UUID id, long version, String trackingNumber, String type, String status, String channel,
            String divisionCode, String townshipName, String villageCode, String villageName, String hotline,
            String applicantName, String idNumber, String phone, boolean urgent, String difficulty,
            String description, Integer householdSize, OffsetDateTime receivedAt, OffsetDateTime decidedAt,
            OffsetDateTime noticeEndsAt, boolean extended, String department, String referralOutcome,
            BigDecimal amountYuan, String reason,
            OffsetDateTime escalatedAt, String deadlineState, List<Deadline> deadlines,
            List<Application> applications, List<Step> history, List<String> allowedActions,
            boolean calendarComplete, List<String> materialsReceived, String noticeName,
            String contact) {

        /** The materials already received at the township's window: a 一次性告知 need not ask for them. */
        public List<String> received() {
            return materialsReceived == null ? List.of() : materialsReceived;
        }
    }

    public record Revealed(String name, String idNumber, String phone) {
    }

    public record RevealRequest(String reason) {
    }

    public record Hint(BigDecimal perCapitaMonthlyIncomeYuan, BigDecimal standardMonthlyYuan, int standardYear,
            Boolean belowStandard, String note) {
    }

    public record Member(String relation, String name, Integer age, BigDecimal monthlyIncomeYuan) {
    }

    public record Household(String area, List<Member> members, BigDecimal totalAssetsYuan, Hint hint) {
    }

    /** A referral (转办) as a task: {@code GET /api/v1/cases/{id}/referrals}. */
    public record Referral(UUID id, String department, String state, LocalDate sentOn, LocalDate dueOn, int days,
            int workingDaysLeft, OffsetDateTime sentAt, OffsetDateTime acknowledgedAt, OffsetDateTime doneAt,
            Boolean met, String outcome) {
    }

    /** The body of a referral's add, acknowledge and done. */
    public record ReferralRequest(String department, String outcome, String note) {
    }

    /** {@code GET /api/v1/cases/{id}/amount}: what APPROVE would grant and what it is computed from. */
    public record Amount(String type, boolean monthly, String area, Integer householdSize,
            BigDecimal householdMonthlyIncomeYuan, BigDecimal perCapitaMonthlyIncomeYuan,
            BigDecimal standardMonthlyYuan, Integer standardYear, BigDecimal computedYuan, String note,
            BigDecimal approvedYuan, String basis) {
    }

    /** {@code GET /api/v1/cases/{id}/objections}: an objection filed during the public notice. */
    public record Objection(UUID id, OffsetDateTime receivedAt, OffsetDateTime recordedAt, String text,
            boolean named, String outcome) {
    }
}
