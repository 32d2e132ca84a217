package cn.scanforhelp.cases.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.cases.stats.ReceiptPeriods.Grain;
import cn.scanforhelp.cases.stats.ReceiptPeriods.Run;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReceiptPeriodsTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void aCalendarYearIsOneYearRow() {
        assertEquals(List.of(new Run(Grain.Y, d("2026-01-01"), d("2026-01-01"))),
                ReceiptPeriods.cover(d("2026-01-01"), d("2026-12-31")));
    }

    @Test
    void noBoundsAreEveryYear() {
        assertEquals(List.of(new Run(Grain.Y, null, null)), ReceiptPeriods.cover(null, null));
        assertEquals(List.of(new Run(Grain.Y, null, d("2025-01-01")), new Run(Grain.M, d("2026-01-01"), d("2026-02-01")),
                new Run(Grain.D, d("2026-03-01"), d("2026-03-15"))), ReceiptPeriods.cover(null, d("2026-03-15")));
        assertEquals(List.of(new Run(Grain.D, d("2026-11-30"), d("2026-11-30")),
                new Run(Grain.M, d("2026-12-01"), d("2026-12-01")), new Run(Grain.Y, d("2027-01-01"), null)),
                ReceiptPeriods.cover(d("2026-11-30"), null));
    }

    @Test
    void edgesAreMonthsThenDays() {
        assertEquals(List.of(new Run(Grain.D, d("2023-02-15"), d("2023-02-28")),
                new Run(Grain.M, d("2023-03-01"), d("2023-12-01")), new Run(Grain.Y, d("2024-01-01"), d("2025-01-01")),
                new Run(Grain.M, d("2026-01-01"), d("2026-10-01")), new Run(Grain.D, d("2026-11-01"), d("2026-11-20"))),
                ReceiptPeriods.cover(d("2023-02-15"), d("2026-11-20")));
        assertEquals(List.of(new Run(Grain.D, d("2026-06-10"), d("2026-06-10"))),
                ReceiptPeriods.cover(d("2026-06-10"), d("2026-06-10")));
        assertEquals(List.of(new Run(Grain.M, d("2024-02-01"), d("2024-02-01"))),
                ReceiptPeriods.cover(d("2024-02-01"), d("2024-02-29")));
        assertEquals(List.of(), ReceiptPeriods.cover(d("2026-06-11"), d("2026-06-10")));
    }

    @Test
    void everyDayOfARangeIsCoveredExactlyOnce() {
        Random random = new Random(7);
        for (int n = 0; n < 2000; n++) {
            LocalDate from = d("2022-01-01").plusDays(random.nextInt(1700));
            LocalDate to = from.plusDays(random.nextInt(1200) - 30);
            List<LocalDate> days = new ArrayList<>();
            for (Run r : ReceiptPeriods.cover(from, to)) {
                for (LocalDate p = r.first(); !p.isAfter(r.last()); p = r.grain().plus(p, 1)) {
                    assertEquals(r.grain().start(p), p, "a period starts on its first day");
                    for (LocalDate x = p; x.isBefore(r.grain().plus(p, 1)); x = x.plusDays(1)) {
                        days.add(x);
                    }
                }
            }
            List<LocalDate> expected = from.isAfter(to) ? List.of() : from.datesUntil(to.plusDays(1)).toList();
            assertEquals(expected, days, from + " to " + to);
            assertTrue(ReceiptPeriods.cover(from, to).size() <= 5);
        }
    }
}
