package cn.scanforhelp.cases.referral;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.cases.casefile.CaseActions;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.CaseStep;
import cn.scanforhelp.cases.casefile.Referrals;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Referrals (转办) as tracked tasks: a referred case goes to one or more departments, each referral with
 * its own due date (the department's working days, {@code sfh.referral.due-days.<TYPE>}), acknowledged,
 * then done with the department's outcome. The escalation job marks a referral past its due date OVERDUE
 * and escalates its case. The case's RECORD_REFERRAL_OUTCOME (which closes it) waits until every referral
 * is done (guard ALL_REFERRALS_DONE). Township staff record what the departments tell them.
 */
@ApplicationScoped
public class ReferralTasks {

    private final CaseActions actions;
    private final Referrals referrals;
    private final Calendars calendars;
    private final StaffScope scope;
    private final AuditLog audit;
    private final java.time.Clock clock;

    public ReferralTasks(CaseActions actions, Referrals referrals, Calendars calendars, StaffScope scope,
            AuditLog audit, java.time.Clock clock) {
        this.actions = actions;
        this.referrals = referrals;
        this.calendars = calendars;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends the case to the department: a new referral, SENT, due in the department's working days. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseReferral send(CaseFile c, String department, OffsetDateTime now) {
        CaseReferral r = new CaseReferral();
        r.id = UUID.randomUUID();
        r.caseId = c.id;
        r.department = department;
        r.state = CaseReferral.State.SENT;
        r.workingDays = referrals.dueDays(department);
        r.sentOn = now.atZoneSameInstant(Calendars.ZONE).toLocalDate();
        r.dueOn = calendars.get().addWorkingDays(r.sentOn, r.workingDays);
        r.sentAt = now;
        r.sentBy = scope.user();
        r.persist();
        return r;
    }

    /**
     * Whether the referral outcome may close the case: every referral is done but at most one, which the outcome
     * then answers ({@link #answerLast}) — so a case sent to one department closes with the one outcome, as before
     * referrals were tasks, and a case sent to several waits for all but the last.
     */
    public boolean allDone(CaseFile c) {
        return CaseReferral.count("caseId = ?1 and state <> ?2", c.id, CaseReferral.State.DONE) <= 1;
    }

    /** RECORD_REFERRAL_OUTCOME: the referral still open, if there is one, is done with the outcome. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answerLast(CaseFile c, String outcome, OffsetDateTime now) {
        CaseReferral r = CaseReferral.<CaseReferral>find("caseId = ?1 and state <> ?2", c.id, CaseReferral.State.DONE)
                .firstResult();
        if (r != null) {
            markDone(r, outcome, now);
            audit.record(scope, "COMPLETE_REFERRAL", c.id, c.divisionCode, "department: " + r.department);
        }
    }

    public List<ReferralView> of(UUID caseId) {
        LocalDate today = LocalDate.now(clock.withZone(Calendars.ZONE));
        return CaseReferral.<CaseReferral>list("caseId = ?1 order by sentAt, id", caseId).stream().map(r -> view(r, today))
                .toList();
    }

    ReferralView view(CaseReferral r, LocalDate today) {
        return new ReferralView(r.id, r.department, r.state, r.sentOn, r.dueOn, r.workingDays,
                r.done() ? 0 : calendars.get().workingDaysBetween(today, r.dueOn), r.sentAt, r.acknowledgedAt,
                r.doneAt, r.met, r.outcome, r.escalatedAt);
    }

    /** One more department for a referred case (several departments may each do their part). */
    @Transactional
    public CaseFile add(UUID caseId, String ifMatch, ReferralRequest req) {
        CaseFile c = actions.lockForChange(caseId, ifMatch);
        if (c.status != CaseStatus.REFERRED) {
            throw ProblemException.conflict("referral-case-not-referred", Map.of("state", c.status.name()),
                    c.status.name());
        }
        String department = req == null || req.department() == null ? "" : req.department().trim();
        if (department.isEmpty()) {
            throw ProblemException.validation(List.of(FieldError.of("department", "constraint.NotBlank")));
        }
        if (!referrals.departments().contains(department)) {
            throw ProblemException.validation(List.of(FieldError.of("department", "department-unknown",
                    String.join("、", referrals.departments()))));
        }
        if (CaseReferral.count("caseId = ?1 and department = ?2 and state <> ?3", c.id, department,
                CaseReferral.State.DONE) > 0) {
            throw ProblemException.conflict("referral-already-open", Map.of("department", department), department);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CaseReferral r = send(c, department, now);
        changed(c, "ADD_REFERRAL", "department: " + department + "\ndue: " + r.dueOn, req.note(), now);
        return c;
    }

    /** The department confirmed it has the case; a repeat changes nothing. */
    @Transactional
    public CaseFile acknowledge(UUID caseId, UUID referralId, String ifMatch, ReferralRequest req) {
        CaseFile c = actions.lockForChange(caseId, ifMatch);
        CaseReferral r = referral(c, referralId);
        if (r.done()) {
            throw ProblemException.conflict("referral-done", Map.of("referralState", r.state.name()), r.department);
        }
        if (r.acknowledgedAt != null) {
            return c;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        r.acknowledgedAt = now;
        r.acknowledgedBy = scope.user();
        if (r.state == CaseReferral.State.SENT) {
            r.state = CaseReferral.State.ACKNOWLEDGED; // an OVERDUE referral stays overdue until done
        }
        changed(c, "ACKNOWLEDGE_REFERRAL", "department: " + r.department, req == null ? null : req.note(), now);
        return c;
    }

    /** The department answered: the referral is done, on time or not. */
    @Transactional
    public CaseFile complete(UUID caseId, UUID referralId, String ifMatch, ReferralRequest req) {
        CaseFile c = actions.lockForChange(caseId, ifMatch);
        CaseReferral r = referral(c, referralId);
        String outcome = req == null || req.outcome() == null ? "" : req.outcome().trim();
        if (outcome.isEmpty()) {
            throw ProblemException.validation(List.of(FieldError.of("outcome", "constraint.NotBlank")));
        }
        if (r.done()) {
            throw ProblemException.conflict("referral-done", Map.of("referralState", r.state.name()), r.department);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        markDone(r, outcome, now);
        changed(c, "COMPLETE_REFERRAL", "department: " + r.department + "\noutcome: " + outcome, req.note(), now);
        return c;
    }

    /** The department's answer: done, on time when by the due date (China's calendar day). */
    private void markDone(CaseReferral r, String outcome, OffsetDateTime now) {
        r.state = CaseReferral.State.DONE;
        r.doneAt = now;
        r.doneBy = scope.user();
        r.met = !now.atZoneSameInstant(Calendars.ZONE).toLocalDate().isAfter(r.dueOn);
        r.outcome = outcome;
    }

    private static CaseReferral referral(CaseFile c, UUID referralId) {
        CaseReferral r = CaseReferral.findById(referralId);
        if (r == null || !r.caseId.equals(c.id)) {
            throw ProblemException.notFound("转办");
        }
        return r;
    }

    private void changed(CaseFile c, String step, String details, String note, OffsetDateTime now) {
        c.updatedAt = now; // a new version: the ETag the reviewer sends next
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.action = step;
        s.fromStatus = c.status.name();
        s.toStatus = c.status.name();
        s.actor = scope.user();
        s.at = now;
        s.note = note;
        s.details = details.length() > 4000 ? details.substring(0, 4000) : details;
        s.persist();
        audit.record(scope, step, c.id, c.divisionCode, details.lines().findFirst().orElse(""));
    }
}
