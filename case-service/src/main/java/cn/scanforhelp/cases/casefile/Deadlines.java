package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.cases.calendar.WorkingCalendar;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.cases.procedure.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Applies the procedure's clock effects and says whether a deadline is on track, at risk or overdue.
 * Lengths come from configuration ({@code sfh.deadlines.<TYPE>.decision-days}, {@code …extension-days},
 * {@code sfh.deadlines.acceptance-days}, {@code …emergency-days}, {@code …public-notice-days}).
 */
@ApplicationScoped
public class Deadlines {

    public enum State { ON_TRACK, AT_RISK, OVERDUE, PAUSED, MET, MISSED }

    private final Calendars calendars;
    private final Config config;
    private final java.time.Clock clock;

    public Deadlines(Calendars calendars, Config config, java.time.Clock clock) {
        this.calendars = calendars;
        this.config = config;
        this.clock = clock;
    }

    /** The day deadlines are counted on: today in the service's zone, from the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the public notice ran its full period (7 calendar days by default) and nobody reopened it. */
    public boolean noticeEnded(CaseFile c) {
        return c.noticeEndsAt != null && !c.noticeEndsAt.toInstant().isAfter(clock.instant());
    }

    public int acceptanceDays() {
        return config.getOptionalValue("sfh.deadlines.acceptance-days", Integer.class).orElse(3);
    }

    public int emergencyDays() {
        return config.getOptionalValue("sfh.deadlines.emergency-days", Integer.class).orElse(1);
    }

    public int noticeDays() {
        return config.getOptionalValue("sfh.deadlines.public-notice-days", Integer.class).orElse(7);
    }

    /** The resident's own time to bring missing materials (working days from the request), not a statutory clock. */
    public int materialsDays() {
        return config.getOptionalValue("sfh.deadlines.materials-days", Integer.class).orElse(10);
    }

    /** The day by which the resident is asked to bring the materials requested on {@code requestedOn}. */
    public LocalDate materialsDueOn(LocalDate requestedOn) {
        return calendars.get().addWorkingDays(requestedOn, materialsDays());
    }

    public double atRiskShare() {
        return config.getOptionalValue("sfh.deadlines.at-risk-share", Double.class).orElse(0.2);
    }

    public int decisionDays(CaseType type) {
        return config.getOptionalValue("sfh.deadlines." + type + ".decision-days", Integer.class)
                .orElse(config.getOptionalValue("sfh.deadlines.default.decision-days", Integer.class).orElse(30));
    }

    public int extensionDays(CaseType type) {
        return config.getOptionalValue("sfh.deadlines." + type + ".extension-days", Integer.class).orElse(0);
    }

    /** Applies one effect of the table to the case's clocks (on {@code today}, in Asia/Shanghai). */
    public void apply(CaseFile c, Clock.Change change, LocalDate today) {
        WorkingCalendar cal = calendars.get();
        CaseDeadline d = find(c, change.kind());
        switch (change.effect()) {
            case START -> start(c, change.kind(), d, today);
            case PAUSE -> {
                if (d != null && d.running()) {
                    d.pausedOn = today;
                    d.remainingDays = Math.max(0, cal.workingDaysBetween(today, d.dueOn));
                }
            }
            case RESUME -> {
                if (d != null && d.stoppedOn == null && d.pausedOn != null) {
                    d.dueOn = cal.addWorkingDays(today, d.remainingDays);
                    d.pausedOn = null;
                    d.remainingDays = null;
                }
            }
            case STOP -> {
                if (d != null && d.stoppedOn == null) {
                    d.met = d.pausedOn != null || !today.isAfter(d.dueOn);
                    d.stoppedOn = today;
                }
            }
            case EXTEND -> {
                if (d != null && d.stoppedOn == null) {
                    d.workingDays += extensionDays(c.type);
                    d.dueOn = cal.addWorkingDays(d.startedOn, d.workingDays);
                    c.extended = true;
                }
            }
        }
        refreshNext(c);
    }

    /**
     * Starts the clocks of a case not yet written, without reading anything (a new case has no clocks):
     * sets its queue fields and answers the new rows, for the caller to write.
     */
    public List<CaseDeadline> startNew(CaseFile c, LocalDate today, Clock.Kind... kinds) {
        List<CaseDeadline> started = new ArrayList<>(kinds.length);
        for (Clock.Kind kind : kinds) {
            CaseDeadline d = new CaseDeadline();
            started(c, kind, d, today);
            started.add(d);
        }
        next(c, started);
        return started;
    }

    private void start(CaseFile c, Clock.Kind kind, CaseDeadline existing, LocalDate today) {
        CaseDeadline d = existing != null ? existing : new CaseDeadline();
        started(c, kind, d, today);
        if (existing == null) {
            d.persist();
        }
    }

    private void started(CaseFile c, Clock.Kind kind, CaseDeadline d, LocalDate today) {
        WorkingCalendar cal = calendars.get();
        d.caseId = c.id;
        d.kind = kind;
        d.pausedOn = null;
        d.remainingDays = null;
        d.stoppedOn = null;
        d.met = null;
        LocalDate received = c.receivedAt.atZoneSameInstant(Calendars.ZONE).toLocalDate();
        switch (kind) {
            case ACCEPTANCE -> {
                d.startedOn = received;
                d.workingDays = acceptanceDays();
                d.dueOn = cal.addWorkingDays(received, d.workingDays);
            }
            case EMERGENCY_AID -> {
                d.startedOn = received;
                d.workingDays = emergencyDays();
                d.dueOn = cal.addWorkingDays(received, d.workingDays);
            }
            case DECISION -> {
                d.startedOn = today;
                d.workingDays = decisionDays(c.type) + (c.extended ? extensionDays(c.type) : 0);
                d.dueOn = cal.addWorkingDays(today, d.workingDays);
            }
            case PUBLIC_NOTICE -> {
                // calendar days, not working days: the notice ends by itself
                OffsetDateTime ends = OffsetDateTime.now(clock).plusDays(noticeDays());
                c.noticeEndsAt = ends;
                d.startedOn = today;
                d.workingDays = noticeDays();
                d.dueOn = ends.toLocalDate();
            }
        }
    }

    /** After a reclassification the running decision clock takes the new type's length. */
    public void reclassified(CaseFile c) {
        CaseDeadline d = find(c, Clock.Kind.DECISION);
        if (d != null && d.stoppedOn == null) {
            d.workingDays = decisionDays(c.type) + (c.extended ? extensionDays(c.type) : 0);
            if (d.pausedOn == null) {
                d.dueOn = calendars.get().addWorkingDays(d.startedOn, d.workingDays);
            }
            refreshNext(c);
        }
    }

    public List<CaseDeadline> of(CaseFile c) {
        return CaseDeadline.list("caseId = ?1 order by id", c.id);
    }

    private CaseDeadline find(CaseFile c, Clock.Kind kind) {
        return CaseDeadline.find("caseId = ?1 and kind = ?2", c.id, kind).firstResult();
    }

    /** The nearest running statutory deadline (the notice is not one), kept on the case for the queue. */
    public void refreshNext(CaseFile c) {
        next(c, of(c));
    }

    private void next(CaseFile c, List<CaseDeadline> deadlines) {
        CaseDeadline next = deadlines.stream().filter(CaseDeadline::running)
                .filter(d -> d.kind != Clock.Kind.PUBLIC_NOTICE)
                .min(Comparator.comparing(d -> d.dueOn)).orElse(null);
        c.nextDueOn = next == null ? null : next.dueOn;
        c.nextAtRiskOn = next == null ? null : atRiskFrom(next);
    }

    /** The first day on which at most 20 % of the limit's working days are left. */
    LocalDate atRiskFrom(CaseDeadline d) {
        int riskDays = (int) Math.floor(d.workingDays * atRiskShare());
        WorkingCalendar cal = calendars.get();
        LocalDate day = d.dueOn;
        int counted = 0;
        while (counted < riskDays) {
            if (cal.isWorkingDay(day)) {
                counted++;
            }
            day = day.minusDays(1);
        }
        return day;
    }

    public State state(CaseDeadline d, LocalDate today) {
        if (d.stoppedOn != null) {
            return Boolean.TRUE.equals(d.met) ? State.MET : State.MISSED;
        }
        if (d.pausedOn != null) {
            return State.PAUSED;
        }
        if (today.isAfter(d.dueOn)) {
            return State.OVERDUE;
        }
        if (d.kind == Clock.Kind.PUBLIC_NOTICE) {
            return State.ON_TRACK;
        }
        return today.isBefore(atRiskFrom(d)) ? State.ON_TRACK : State.AT_RISK;
    }

    /**
     * The three open-case counters (ON_TRACK, AT_RISK, OVERDUE) as a select list over {@code case_file}, with today's
     * date in the parameter {@code today}: what the queue's deadline filter counts, for the counters and the dashboard.
     */
    public static String openCounts(String today) {
        StringBuilder sb = new StringBuilder();
        for (State s : List.of(State.ON_TRACK, State.AT_RISK, State.OVERDUE)) {
            sb.append(sb.isEmpty() ? "" : ", ").append("count(*) filter (where ")
                    .append(queueCondition(s, "next_due_on", "next_at_risk_on", today)).append(')');
        }
        return sb.toString();
    }

    /**
     * {@link #queueState}'s three states as a query condition over a case's nearest deadline — the one definition
     * the queue's filter and its counters share. {@code due} and {@code atRisk} name the columns or properties
     * ({@code nextDueOn}, {@code next_due_on}…), {@code today} the parameter holding today's date.
     */
    public static String queueCondition(State state, String due, String atRisk, String today) {
        return switch (state) {
            case OVERDUE -> due + " < " + today;
            case AT_RISK -> due + " >= " + today + " and " + atRisk + " <= " + today;
            case ON_TRACK -> due + " >= " + today + " and " + atRisk + " > " + today;
            default -> throw new IllegalArgumentException("not a queue state: " + state);
        };
    }

    /** The case's queue state from its nearest deadline: ON_TRACK, AT_RISK, OVERDUE, or null (none running). */
    public static State queueState(CaseFile c, LocalDate today) {
        if (c.nextDueOn == null) {
            return null;
        }
        if (today.isAfter(c.nextDueOn)) {
            return State.OVERDUE;
        }
        return c.nextAtRiskOn != null && !today.isBefore(c.nextAtRiskOn) ? State.AT_RISK : State.ON_TRACK;
    }

    public int workingDaysLeft(CaseDeadline d, LocalDate today) {
        if (d.pausedOn != null) {
            return d.remainingDays == null ? 0 : d.remainingDays;
        }
        return calendars.get().workingDaysBetween(today, d.dueOn);
    }

    /** Working days from today to a due date (negative when past), or null without one: the queue's count. */
    public Integer workingDaysLeft(LocalDate dueOn, LocalDate today) {
        return dueOn == null ? null : calendars.get().workingDaysBetween(today, dueOn);
    }

    public boolean calendarKnows(CaseDeadline d) {
        return calendars.get().knows(d.startedOn, d.dueOn);
    }
}
