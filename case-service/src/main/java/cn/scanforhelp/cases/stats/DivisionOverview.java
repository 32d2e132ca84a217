package cn.scanforhelp.cases.stats;

import cn.scanforhelp.cases.casefile.Deadlines;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The oversight figures per division (township) of the caller's scope, for the district officer's dashboard: open
 * cases per deadline state (the queue's deadlineState conditions, so every number equals the queue's total for that
 * township and state) and decided cases on time (all receipt dates, from the summary the statistics read). No
 * personal data, so no audit entry.
 */
@ApplicationScoped
public class DivisionOverview {

    @Schema(description = "One division's open cases per deadline state and its decisions on time")
    public record Row(@Schema(maxLength = 12) String divisionCode,
            @Schema(maxLength = 100, nullable = true, description = "the township's name as its cases carry it")
            String townshipName,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long onTrack,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long atRisk,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long overdue,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long decided,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long decidedOnTime,
            @Schema(nullable = true, description = "decided on time ÷ decided") Double onTimeRate) {
    }

    private final EntityManager em;
    private final StaffScope scope;
    private final Deadlines deadlines;

    public DivisionOverview(EntityManager em, StaffScope scope, Deadlines deadlines) {
        this.em = em;
        this.scope = scope;
        this.deadlines = deadlines;
    }

    @Transactional
    public List<Row> rows() {
        String prefix = scope.division();
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        Map<String, long[]> by = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> decided = em.createNativeQuery("select division_code, sum(decided), sum(decided_on_time)"
                + " from case_stats where grain = 'Y' and division_code >= ?1 and division_code < ?2"
                + " group by division_code having sum(cases) > 0")
                .setParameter(1, prefix).setParameter(2, Statistics.upperBound(prefix)).getResultList();
        for (Object[] o : decided) {
            long[] v = by.computeIfAbsent((String) o[0], k -> new long[5]);
            v[3] = ((Number) o[1]).longValue();
            v[4] = ((Number) o[2]).longValue();
        }
        // exactly the deadline counters' query (Deadlines.openCounts), per division
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery("select division_code, " + Deadlines.openCounts("?2") + " from case_file"
                + " where next_due_on is not null and division_code like ?1 group by division_code")
                .setParameter(1, prefix + "%").setParameter(2, deadlines.today()).getResultList();
        for (Object[] o : open) {
            long[] v = by.computeIfAbsent((String) o[0], k -> new long[5]);
            for (int i = 0; i < 3; i++) {
                v[i] = ((Number) o[i + 1]).longValue();
            }
        }
        Map<String, String> names = names(by.keySet());
        List<Row> out = new ArrayList<>(by.size());
        for (Map.Entry<String, long[]> e : by.entrySet()) {
            long[] v = e.getValue();
            out.add(new Row(e.getKey(), names.get(e.getKey()), v[0], v[1], v[2], v[3], v[4],
                    v[3] == 0 ? null : Math.round(1000.0 * v[4] / v[3]) / 1000.0));
        }
        return out;
    }

    /** The township name of each division, from one of its cases (index case_file_division), in one statement. */
    Map<String, String> names(java.util.Set<String> divisions) {
        Map<String, String> names = new java.util.HashMap<>();
        if (divisions.isEmpty()) {
            return names;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> r = em.createNativeQuery("select d, (select township_name from case_file where division_code = d"
                + " limit 1) from unnest(cast(?1 as text[])) d")
                .setParameter(1, divisions.toArray(String[]::new)).getResultList();
        r.forEach(o -> names.put((String) o[0], (String) o[1]));
        return names;
    }
}
