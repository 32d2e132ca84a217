package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.calendar.CalendarLoaded;
import cn.scanforhelp.cases.events.ResidentNotices;
import cn.scanforhelp.cases.procedure.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The statutory clocks after a calendar year is loaded: a running limit that reaches into that year is counted
 * again with it (a year missing from the calendar counted weekends only, so 国庆 or 春节 counted as working days).
 * Each moved case gets its queue fields again, its new next deadline for the resident's look-up (intake), and an
 * audit entry {@code RECOUNT_DEADLINES} naming the clocks, their old and new due dates and who loaded the year.
 * The public notice counts calendar days and a paused clock counts nothing until it resumes: neither is touched.
 */
@ApplicationScoped
public class DueDatesOnNewCalendar {

    private static final Logger LOG = Logger.getLogger(DueDatesOnNewCalendar.class);

    private final Deadlines deadlines;
    private final ResidentNotices notices;
    private final AuditLog audit;

    public DueDatesOnNewCalendar(Deadlines deadlines, ResidentNotices notices, AuditLog audit) {
        this.deadlines = deadlines;
        this.notices = notices;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void recount(@Observes CalendarLoaded e) {
        List<CaseDeadline> running = CaseDeadline.list("stoppedOn is null and pausedOn is null and kind <> ?1 "
                + "and dueOn >= ?2 and startedOn <= ?3 order by caseId, id", Clock.Kind.PUBLIC_NOTICE, e.first(), e.last());
        Map<UUID, List<String>> moved = new LinkedHashMap<>();
        for (CaseDeadline d : running) {
            LocalDate counted = e.recount(d.startedOn, d.workingDays, d.dueOn);
            if (counted != null) {
                moved.computeIfAbsent(d.caseId, k -> new ArrayList<>()).add(d.kind + " " + d.dueOn + " → " + counted);
                d.dueOn = counted;
            }
        }
        for (Map.Entry<UUID, List<String>> m : moved.entrySet()) {
            CaseFile c = CaseFile.findById(m.getKey());
            LocalDate next = c.nextDueOn;
            deadlines.refreshNext(c);
            if (next == null || !next.equals(c.nextDueOn)) {
                notices.status(c); // the resident's look-up shows the next deadline
            }
            audit.record(e.actor(), e.roles(), "RECOUNT_DEADLINES", c.id, c.divisionCode,
                    String.join("; ", m.getValue()) + " (calendar " + e.year() + ")");
        }
        if (!moved.isEmpty()) {
            LOG.infof("calendar %d loaded: deadlines of %d open cases counted again", e.year(), moved.size());
        }
        e.moved().addAndGet(moved.values().stream().mapToInt(List::size).sum());
    }
}
