package cn.scanforhelp.cases.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DecisionHoursTest {

    /** PostgreSQL's percentile_cont over the values one by one, in days. */
    private static double percentileCont(List<Integer> hours, double p) {
        List<Integer> v = new ArrayList<>(hours);
        Collections.sort(v);
        double pos = p * (v.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.size() - 1);
        return (v.get(lo) + (pos - lo) * (v.get(hi) - v.get(lo))) / 24.0;
    }

    private static Double[] fromHistograms(List<Integer> hours) {
        NavigableMap<Integer, Long> byDay = new TreeMap<>();
        NavigableMap<Integer, Long> byHour = new TreeMap<>();
        for (int h : hours) {
            byDay.merge(Math.floorDiv(h, 24), 1L, Long::sum);
            byHour.merge(h, 1L, Long::sum);
        }
        DecisionHours d = new DecisionHours(byDay);
        // only the hours of the days asked for, as the query reads them
        NavigableMap<Integer, Long> needed = new TreeMap<>();
        for (int day : d.daysNeeded()) {
            needed.putAll(byHour.subMap(day * 24, true, day * 24 + 23, true));
        }
        return new Double[] {d.percentileDays(0.5, needed), d.percentileDays(0.9, needed)};
    }

    @Test
    void equalsPercentileContOverTheCases() {
        Random random = new Random(11);
        for (int n = 0; n < 500; n++) {
            List<Integer> hours = new ArrayList<>();
            int count = 1 + random.nextInt(n < 50 ? 5 : 400);
            for (int i = 0; i < count; i++) {
                hours.add(random.nextInt(10) == 0 ? -random.nextInt(30) : random.nextInt(24 * (1 + random.nextInt(60))));
            }
            Double[] got = fromHistograms(hours);
            assertEquals(percentileCont(hours, 0.5), got[0], 1e-9, hours.toString());
            assertEquals(percentileCont(hours, 0.9), got[1], 1e-9, hours.toString());
        }
    }

    @Test
    void nothingDecidedIsNull() {
        DecisionHours d = new DecisionHours(new TreeMap<>());
        assertEquals(0, d.daysNeeded().size());
        assertNull(d.percentileDays(0.5, new TreeMap<>()));
    }

    @Test
    void oneCase() {
        assertEquals(20.5, fromHistograms(List.of(492))[0]);
        assertEquals(20.5, fromHistograms(List.of(492))[1]);
    }
}
