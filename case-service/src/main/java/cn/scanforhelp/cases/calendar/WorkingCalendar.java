package cn.scanforhelp.cases.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * China's official working days: Monday to Friday, minus public holidays, plus make-up working days
 * (调休上班). A year the calendar has no data for falls back to weekends only; every computation that
 * touches such a year reports it to {@code missingYear} (the caller logs a warning and flags the view).
 *
 * <p>Hand-written: the arithmetic is a few lines and no kept library knows the State Council's notices.
 */
public final class WorkingCalendar {

    public enum Kind { HOLIDAY, WORKDAY }

    private final Map<LocalDate, Kind> exceptions;
    private final Set<Integer> years;
    private final IntConsumer missingYear;

    public WorkingCalendar(Map<LocalDate, Kind> exceptions, IntConsumer missingYear) {
        this.exceptions = Map.copyOf(exceptions);
        TreeSet<Integer> y = new TreeSet<>();
        exceptions.keySet().forEach(d -> y.add(d.getYear()));
        this.years = Set.copyOf(y);
        this.missingYear = missingYear == null ? year -> { } : missingYear;
    }

    /** Years whose holidays are known. */
    public Set<Integer> years() {
        return new TreeSet<>(years);
    }

    public boolean knows(int year) {
        return years.contains(year);
    }

    /** True when every year from {@code from} to {@code to} is known. */
    public boolean knows(LocalDate from, LocalDate to) {
        for (int y = Math.min(from.getYear(), to.getYear()); y <= Math.max(from.getYear(), to.getYear()); y++) {
            if (!knows(y)) {
                return false;
            }
        }
        return true;
    }

    public boolean isWorkingDay(LocalDate d) {
        if (!years.contains(d.getYear())) {
            missingYear.accept(d.getYear());
        }
        Kind k = exceptions.get(d);
        if (k != null) {
            return k == Kind.WORKDAY;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}-th working day after {@code from} (the day itself does not count): a time limit of
     * 3 working days from a receipt on Friday ends on Wednesday. {@code n = 0} gives {@code from}.
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days in {@code (from, to]}; negative when {@code to} is before {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
