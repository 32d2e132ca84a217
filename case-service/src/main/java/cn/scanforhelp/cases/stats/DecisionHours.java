package cn.scanforhelp.cases.stats;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The median and 90th percentile of the days to decision, as PostgreSQL's {@code percentile_cont} computes them
 * over the decided cases one by one (the value at position p × (n − 1), interpolated linearly between its
 * neighbours), from the summary's histograms: cases by whole days, then cases by hours within only the days that
 * hold the wanted positions. Each case's time to decision is taken to the nearest hour.
 */
final class DecisionHours {

    static final double[] PERCENTILES = {0.5, 0.9};

    private final NavigableMap<Integer, Long> byDay;
    private final long total;

    /** {@code byDay}: cases by whole days (floor of hours ÷ 24), counts &gt; 0. */
    DecisionHours(NavigableMap<Integer, Long> byDay) {
        this.byDay = byDay;
        this.total = byDay.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The days whose hours are needed: those holding the positions the percentiles interpolate between. */
    TreeSet<Integer> daysNeeded() {
        TreeSet<Integer> days = new TreeSet<>();
        for (double p : PERCENTILES) {
            for (long i : positions(p)) {
                days.add(locate(i).getKey());
            }
        }
        return days;
    }

    /**
     * The percentile in days; null when nothing was decided. {@code byHour}: cases by hours, for at least the
     * days of {@link #daysNeeded()}, read in the same snapshot as the days.
     */
    Double percentileDays(double p, NavigableMap<Integer, Long> byHour) {
        if (total == 0) {
            return null;
        }
        long[] at = positions(p);
        double pos = p * (total - 1);
        double lower = hoursAt(at[0], byHour);
        double upper = hoursAt(at[1], byHour);
        return (lower + (pos - at[0]) * (upper - lower)) / 24.0;
    }

    private long[] positions(double p) {
        if (total == 0) {
            return new long[0];
        }
        long below = (long) Math.floor(p * (total - 1));
        return new long[] {below, Math.min(below + 1, total - 1)};
    }

    /** The day holding position {@code i} (0-based), with the number of cases before that day as its value. */
    private Map.Entry<Integer, Long> locate(long i) {
        long before = 0;
        for (Map.Entry<Integer, Long> e : byDay.entrySet()) {
            if (i < before + e.getValue()) {
                return Map.entry(e.getKey(), before);
            }
            before += e.getValue();
        }
        throw new IllegalStateException("position " + i + " beyond " + total);
    }

    private double hoursAt(long i, NavigableMap<Integer, Long> byHour) {
        Map.Entry<Integer, Long> day = locate(i);
        long seen = day.getValue();
        int first = day.getKey() * 24;
        for (Map.Entry<Integer, Long> e : byHour.subMap(first, true, first + 23, true).entrySet()) {
            seen += e.getValue();
            if (i < seen) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("the hours of day " + day.getKey() + " do not add up to its cases");
    }

    static NavigableMap<Integer, Long> histogram(Iterable<Object[]> rows) {
        NavigableMap<Integer, Long> m = new TreeMap<>();
        for (Object[] r : rows) {
            m.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
        }
        return m;
    }
}
