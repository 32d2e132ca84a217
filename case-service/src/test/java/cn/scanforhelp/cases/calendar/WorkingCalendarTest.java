package cn.scanforhelp.cases.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Deadlines on the official calendar shipped in resources (the file Flyway loads). */
class WorkingCalendarTest {

    final Set<Integer> missing = new TreeSet<>();
    final WorkingCalendar cal = new WorkingCalendar(load(), missing::add);

    static Map<LocalDate, WorkingCalendar.Kind> load() {
        Map<LocalDate, WorkingCalendar.Kind> m = new HashMap<>();
        try (var r = new BufferedReader(new InputStreamReader(WorkingCalendarTest.class.getClassLoader()
                .getResourceAsStream("reference/holidays-cn.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                m.put(LocalDate.parse(f[0]), "workday".equals(f[1]) ? WorkingCalendar.Kind.WORKDAY
                        : WorkingCalendar.Kind.HOLIDAY);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void springFestival2026() {
        // Saturday 02-14 is a make-up working day; 02-15…23 are off; Saturday 02-28 is worked
        assertTrue(cal.isWorkingDay(d("2026-02-14")));
        for (LocalDate x = d("2026-02-15"); !x.isAfter(d("2026-02-23")); x = x.plusDays(1)) {
            assertFalse(cal.isWorkingDay(x), x.toString());
        }
        assertTrue(cal.isWorkingDay(d("2026-02-28")));
        assertFalse(cal.isWorkingDay(d("2026-02-21")));
        // received Friday 02-13: day 1 is Saturday 02-14 (worked), then the holiday, day 2 is Tuesday 02-24
        assertEquals(d("2026-02-14"), cal.addWorkingDays(d("2026-02-13"), 1));
        assertEquals(d("2026-02-25"), cal.addWorkingDays(d("2026-02-13"), 3));
        // 30 working days from 02-12 (Thu): 02-13, 02-14, 02-24…02-27, 02-28 (7), 22 in March, 04-01
        assertEquals(d("2026-04-01"), cal.addWorkingDays(d("2026-02-12"), 30));
        assertEquals(30, cal.workingDaysBetween(d("2026-02-12"), d("2026-04-01")));
        // without the calendar (weekends only) it would have ended much earlier
        WorkingCalendar weekendsOnly = new WorkingCalendar(Map.of(), y -> { });
        assertEquals(d("2026-03-26"), weekendsOnly.addWorkingDays(d("2026-02-12"), 30));
        assertTrue(missing.isEmpty());
    }

    @Test
    void nationalDay2026() {
        // 09-20 (Sunday) worked; 09-25…27 and 10-01…07 off; 10-10 (Saturday) worked
        assertTrue(cal.isWorkingDay(d("2026-09-20")));
        assertFalse(cal.isWorkingDay(d("2026-10-01")));
        assertFalse(cal.isWorkingDay(d("2026-10-07")));
        assertTrue(cal.isWorkingDay(d("2026-10-10")));
        // received Wednesday 09-30: 3 working days are 10-08, 10-09, 10-10
        assertEquals(d("2026-10-10"), cal.addWorkingDays(d("2026-09-30"), 3));
        assertEquals(d("2026-10-08"), cal.addWorkingDays(d("2026-09-30"), 1));
    }

    @Test
    void ordinaryWeekend() {
        // received Friday 2026-11-27: 3 working days end Wednesday 12-02
        assertEquals(d("2026-12-02"), cal.addWorkingDays(d("2026-11-27"), 3));
        assertEquals(0, cal.workingDaysBetween(d("2026-11-28"), d("2026-11-29")));
    }

    @Test
    void aYearMissingFromTheCalendarCountsWeekendsOnlyAndSaysSo() {
        assertFalse(cal.knows(2027));
        // 2027-01-01 is a Friday, a holiday in reality; without data it counts as a working day
        assertEquals(d("2027-01-01"), cal.addWorkingDays(d("2026-12-31"), 1));
        assertEquals(d("2027-01-05"), cal.addWorkingDays(d("2026-12-31"), 3));
        assertEquals(Set.of(2027), missing);
        assertFalse(cal.knows(d("2026-12-01"), d("2027-01-05")));
        assertTrue(cal.knows(d("2026-01-01"), d("2026-12-31")));
    }

    @Test
    void aLoadedYearIsUsed() {
        Map<LocalDate, WorkingCalendar.Kind> m = new HashMap<>(load());
        m.put(d("2027-01-01"), WorkingCalendar.Kind.HOLIDAY);
        WorkingCalendar with2027 = new WorkingCalendar(m, missing::add);
        assertEquals(d("2027-01-04"), with2027.addWorkingDays(d("2026-12-31"), 1));
        assertTrue(missing.isEmpty());
    }
}
