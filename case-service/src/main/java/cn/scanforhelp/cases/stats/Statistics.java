package cn.scanforhelp.cases.stats;

import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Counts for oversight, scoped like everything else. Plain GROUP BY on indexed columns (the division prefix
 * uses {@code text_pattern_ops}), so it stays fast with a million cases.
 */
@ApplicationScoped
public class Statistics {

    private final EntityManager em;
    private final StaffScope scope;

    public Statistics(EntityManager em, StaffScope scope) {
        this.em = em;
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
            @Schema(nullable = true, description = "calendar days from receipt to decision") Double medianDaysToDecision,
            @Schema(nullable = true) Double p90DaysToDecision,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long overdueNow) {
    }

    /** {@code from}/{@code to}: receipt dates (Asia/Shanghai), inclusive; either may be null. */
    @Transactional
    public Report report(String division, LocalDate from, LocalDate to) {
        String mine = scope.division();
        String prefix = division == null || division.isBlank() ? mine
                : division.startsWith(mine) ? division : mine.startsWith(division) ? mine : null;
        if (prefix == null) {
            return new Report(division, from, to, List.of(), 0, 0, 0, null, null, null, 0);
        }
        // named parameters: the date bounds are optional (ordinal ones may not leave gaps)
        String where = " where division_code like :prefix" + (from != null ? " and received_at >= :from" : "")
                + (to != null ? " and received_at < :to" : "");
        Query rows = em.createNativeQuery("select division_code, type, channel, status, count(*) from case_file"
                + where + " group by division_code, type, channel, status order by 1, 2, 3, 4");
        Query summary = em.createNativeQuery("""
                select count(*),
                       count(*) filter (where decided_at is not null),
                       count(*) filter (where decided_on_time),
                       percentile_cont(0.5) within group (order by extract(epoch from decided_at - received_at) / 86400)
                           filter (where decided_at is not null),
                       percentile_cont(0.9) within group (order by extract(epoch from decided_at - received_at) / 86400)
                           filter (where decided_at is not null),
                       count(*) filter (where next_due_on < :today and closed_at is null)
                  from case_file""" + where);
        for (Query q : List.of(rows, summary)) {
            q.setParameter("prefix", prefix + "%");
            if (from != null) {
                q.setParameter("from", from.atStartOfDay(Calendars.ZONE).toOffsetDateTime());
            }
            if (to != null) {
                q.setParameter("to", to.plusDays(1).atStartOfDay(Calendars.ZONE).toOffsetDateTime());
            }
        }
        summary.setParameter("today", Calendars.today());
        @SuppressWarnings("unchecked")
        List<Object[]> r = rows.getResultList();
        List<Row> out = r.stream().map(o -> new Row((String) o[0], (String) o[1], (String) o[2], (String) o[3],
                ((Number) o[4]).longValue())).toList();
        Object[] s = (Object[]) summary.getSingleResult();
        long decided = ((Number) s[1]).longValue();
        long onTime = ((Number) s[2]).longValue();
        return new Report(prefix, from, to, out, ((Number) s[0]).longValue(), decided, onTime,
                decided == 0 ? null : round((double) onTime / decided), s[3] == null ? null : round(((Number) s[3]).doubleValue()),
                s[4] == null ? null : round(((Number) s[4]).doubleValue()), ((Number) s[5]).longValue());
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

}
