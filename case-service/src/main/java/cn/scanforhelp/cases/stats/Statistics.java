package cn.scanforhelp.cases.stats;

import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Counts for oversight, scoped like everything else. Read from the summary that triggers on {@code case_file}
 * keep by division, receipt day / month / year, type, channel and status (V5__statistics_summary.sql), not from
 * the cases: the same numbers, in time that does not grow with the cases in scope (at 1,000,000 cases a district's
 * year took 0.7–1 s, all time 2.4 s). Days to decision come from histograms in whole days and hours
 * ({@link DecisionHours}); "overdue now" counts the open cases only.
 */
@ApplicationScoped
public class Statistics {

    private final EntityManager em;
    private final StaffScope scope;
    private final java.time.Clock clock;
    private final Ratings ratings;

    public Statistics(EntityManager em, StaffScope scope, java.time.Clock clock, Ratings ratings) {
        this.ratings = ratings;
        this.em = em;
        this.clock = clock;
        this.scope = scope;
    }

    @Schema(description = "Cases of one division, type, channel and status")
    public record Row(@Schema(maxLength = 12) String divisionCode, @Schema(maxLength = 16) String type,
            @Schema(maxLength = 16) String channel, @Schema(maxLength = 24) String status,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long count) {
    }

    @Schema(description = "Statistics of the caller's division")
    public record Report(@Schema(maxLength = 12) String division, LocalDate from, LocalDate to,
            @Schema(maxItems = 100000) List<Row> rows,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long total,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long decided,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long decidedOnTime,
            @Schema(nullable = true, description = "decided on time ÷ decided") Double onTimeRate,
            @Schema(nullable = true, description = "median calendar days from receipt to decision, each case's time"
                    + " taken to the nearest hour (so exact to 1/24 day), interpolated like percentile_cont")
            Double medianDaysToDecision,
            @Schema(nullable = true, description = "90th percentile of the same") Double p90DaysToDecision,
            @Schema(format = "int64", minimum = "0", maximum = "100000000",
                    description = "cases received in the range, not closed, whose nearest deadline has passed") long overdueNow,
            @Schema(maxItems = 100000, description = "residents' satisfaction ratings per division and type")
            List<Ratings.RatingRow> ratings) {
    }

    /** {@code from}/{@code to}: receipt dates (Asia/Shanghai), inclusive; either may be null. */
    @Transactional
    public Report report(String division, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw cn.scanforhelp.infra.problem.ProblemException.validation(List.of(
                    cn.scanforhelp.infra.problem.ProblemException.FieldError.of("from", "date-range")));
        }
        String mine = scope.division();
        String prefix = division == null || division.isBlank() ? mine
                : division.startsWith(mine) ? division : mine.startsWith(division) ? mine : null;
        if (prefix == null) {
            return new Report(division, from, to, List.of(), 0, 0, 0, null, null, null, 0, List.of());
        }
        // one snapshot for the four reads: the histograms' days and hours must add up to each other
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        // The summary (V5, kept by triggers on case_file): the range as whole years, months and days; the division
        // prefix as a range of its "C"-collated codes (digits only, so the last one plus one ends it).
        List<ReceiptPeriods.Run> runs = ReceiptPeriods.cover(from, to);
        String where = " where division_code >= :lo and division_code < :hi and (" + periods(runs, List.of()) + ")";
        Query counts = summary("select division_code, type, channel, status, sum(cases), sum(decided),"
                + " sum(decided_on_time) from case_stats" + where
                + " group by division_code, type, channel, status having sum(cases) > 0 order by 1, 2, 3, 4", prefix, runs);
        @SuppressWarnings("unchecked")
        List<Object[]> r = counts.getResultList();
        List<Row> out = new ArrayList<>(r.size());
        long total = 0;
        long decided = 0;
        long onTime = 0;
        for (Object[] o : r) {
            long n = ((Number) o[4]).longValue();
            out.add(new Row((String) o[0], (String) o[1], (String) o[2], (String) o[3], n));
            total += n;
            decided += ((Number) o[5]).longValue();
            onTime += ((Number) o[6]).longValue();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> days = summary("select days, sum(cases) from case_decision_days" + where
                + " group by days having sum(cases) > 0", prefix, runs).getResultList();
        DecisionHours decisions = new DecisionHours(DecisionHours.histogram(days));
        List<Integer> needed = List.copyOf(decisions.daysNeeded());
        NavigableMap<Integer, Long> hours = new TreeMap<>();
        if (!needed.isEmpty()) {
            Query q = summary("select hours, sum(cases) from case_decision_hours where division_code >= :lo"
                    + " and division_code < :hi and (" + periods(runs, needed) + ") group by hours", prefix, runs);
            for (int i = 0; i < needed.size(); i++) {
                q.setParameter("h" + i, needed.get(i) * 24).setParameter("k" + i, needed.get(i) * 24 + 23);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> h = q.getResultList();
            hours = DecisionHours.histogram(h);
        }
        Double median = decisions.percentileDays(0.5, hours);
        Double p90 = decisions.percentileDays(0.9, hours);
        return new Report(prefix, from, to, out, total, decided, onTime,
                decided == 0 ? null : round((double) onTime / decided), median == null ? null : round(median),
                p90 == null ? null : round(p90), overdue(prefix, from, to), ratings.rows(prefix, from, to));
    }

    private Query summary(String sql, String prefix, List<ReceiptPeriods.Run> runs) {
        Query q = em.createNativeQuery(sql).setParameter("lo", prefix).setParameter("hi", upperBound(prefix));
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).first() != null) {
                q.setParameter("a" + i, runs.get(i).first());
            }
            if (runs.get(i).last() != null) {
                q.setParameter("b" + i, runs.get(i).last());
            }
        }
        return q;
    }

    /** Open cases past their nearest deadline, from the partial index case_file_open_due (open cases only). */
    private long overdue(String prefix, LocalDate from, LocalDate to) {
        Query q = em.createNativeQuery("select count(*) from case_file where division_code like :prefix"
                + " and closed_at is null and next_due_on < :today"
                + (from != null ? " and received_at >= :from" : "") + (to != null ? " and received_at < :to" : ""))
                .setParameter("prefix", prefix + "%").setParameter("today", java.time.LocalDate.now(clock));
        if (from != null) {
            q.setParameter("from", from.atStartOfDay(Calendars.ZONE).toOffsetDateTime());
        }
        if (to != null) {
            q.setParameter("to", to.plusDays(1).atStartOfDay(Calendars.ZONE).toOffsetDateTime());
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    /**
     * {@code (grain = 'Y' and period >= :a0 and period <= :b0) or …}, "false" for no runs (from after to); with
     * {@code hourRanges}, each run once per range {@code hours >= :hJ and hours <= :kJ} (so each arm is one index
     * range).
     */
    static String periods(List<ReceiptPeriods.Run> runs, List<Integer> hourRanges) {
        if (runs.isEmpty()) {
            return "false";
        }
        List<String> arms = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ReceiptPeriods.Run r = runs.get(i);
            String run = "grain = '" + r.grain() + "'" + (r.first() != null ? " and period >= :a" + i : "")
                    + (r.last() != null ? " and period <= :b" + i : "");
            if (hourRanges.isEmpty()) {
                arms.add("(" + run + ")");
            }
            for (int j = 0; j < hourRanges.size(); j++) {
                arms.add("(" + run + " and hours >= :h" + j + " and hours <= :k" + j + ")");
            }
        }
        return String.join(" or ", arms);
    }

    /** The first code after every code that starts with {@code prefix} (digits: '9' + 1 is ':'). */
    static String upperBound(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

}
