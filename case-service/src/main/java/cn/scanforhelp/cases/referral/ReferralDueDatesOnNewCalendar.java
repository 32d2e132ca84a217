package cn.scanforhelp.cases.referral;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.calendar.CalendarLoaded;
import cn.scanforhelp.cases.casefile.CaseFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * A referral's due date (the department's working days) after a calendar year is loaded, as the case's own clocks
 * ({@code DueDatesOnNewCalendar}): an open referral reaching into that year is counted again from the day it was
 * sent; audited {@code RECOUNT_REFERRAL} with the old and new dates. One already marked overdue stays so.
 */
@ApplicationScoped
public class ReferralDueDatesOnNewCalendar {

    private final AuditLog audit;

    public ReferralDueDatesOnNewCalendar(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void recount(@Observes CalendarLoaded e) {
        List<CaseReferral> open = CaseReferral.list("state in ?1 and dueOn >= ?2 and sentOn <= ?3",
                List.of(CaseReferral.State.SENT, CaseReferral.State.ACKNOWLEDGED), e.first(), e.last());
        for (CaseReferral r : open) {
            LocalDate counted = e.recount(r.sentOn, r.workingDays, r.dueOn);
            if (counted != null) {
                CaseFile c = CaseFile.findById(r.caseId);
                audit.record(e.actor(), e.roles(), "RECOUNT_REFERRAL", r.caseId, c.divisionCode,
                        r.department + " " + r.dueOn + " → " + counted + " (calendar " + e.year() + ")");
                r.dueOn = counted;
                e.moved().incrementAndGet();
            }
        }
    }
}
