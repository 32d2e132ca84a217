package cn.scanforhelp.cases.calendar;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A year of the working-day calendar was loaded (or replaced) by an admin, in the upload's transaction: the
 * deadlines counted with the calendar {@code before} (for a year it lacked: weekends only) are counted again with
 * {@code after} by whoever keeps them (CDI observers), each adding what it moved to {@code moved}.
 */
public record CalendarLoaded(int year, WorkingCalendar before, WorkingCalendar after, LocalDate today, String actor,
        String roles, AtomicInteger moved) {

    /** The first and last day of the loaded year: a limit that does not reach into it is not touched. */
    public LocalDate first() {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate last() {
        return LocalDate.of(year, 12, 31);
    }

    /**
     * A running limit's due date counted again: from its start when that is how it was counted (never paused), else
     * (resumed after a pause) the working days it still had today, counted on from today. Null: leave it.
     */
    public LocalDate recount(LocalDate startedOn, int workingDays, LocalDate dueOn) {
        if (dueOn.isBefore(first()) || startedOn.isAfter(last())) {
            return null;
        }
        LocalDate counted;
        if (before.addWorkingDays(startedOn, workingDays).equals(dueOn)) {
            counted = after.addWorkingDays(startedOn, workingDays);
        } else if (!dueOn.isBefore(today)) {
            counted = after.addWorkingDays(today, before.workingDaysBetween(today, dueOn));
        } else {
            return null; // resumed and already past due: what was late stays late
        }
        return counted.equals(dueOn) ? null : counted;
    }
}
