package cn.scanforhelp.infra.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Applies every declared {@link RetentionRules.Rule}: rows older than their kind's period are anonymised or
 * deleted, in batches of {@value #BATCH}, each its own transaction, with {@code SKIP LOCKED} so replicas share
 * the work and nobody waits. Age is counted on the injected clock. Logs and the metric
 * {@code sfh_retention_rows_total{kind}} carry counts only, never values.
 */
@ApplicationScoped
public class Retention {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final EntityManager em;
    private final Clock clock;
    private final Instance<RetentionRules> declared;
    private final MeterRegistry meters;

    public Retention(EntityManager em, Clock clock, Instance<RetentionRules> declared, MeterRegistry meters) {
        this.em = em;
        this.clock = clock;
        this.declared = declared;
        this.meters = meters;
    }

    @Scheduled(cron = "${sfh.retention.cron:0 30 2 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        Map<String, Integer> done = runAll();
        done.forEach((kind, n) -> {
            if (n > 0) {
                LOG.infof("retention: %d %s rows past their period", n, kind);
            }
        });
    }

    /** Applies every rule until nothing expired is left; returns the rows handled per kind. */
    public Map<String, Integer> runAll() {
        Map<String, Integer> done = new LinkedHashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (RetentionRules d : declared) {
            for (RetentionRules.Rule r : d.rules()) {
                OffsetDateTime cutoff = now.minus(r.period());
                int total = 0;
                int n;
                do {
                    n = batch(r, cutoff);
                    total += n;
                } while (n == BATCH);
                done.merge(r.kind(), total, Integer::sum);
                if (total > 0) {
                    meters.counter("sfh.retention.rows", "kind", r.kind()).increment(total);
                }
            }
        }
        return done;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int batch(RetentionRules.Rule r, OffsetDateTime cutoff) {
        String expired = "select " + r.id() + " from " + r.table() + " where " + r.timeColumn() + " < ?1 and ("
                + r.due() + ") limit " + BATCH + " for update skip locked";
        String sql = r.action() == RetentionRules.Action.DELETE
                ? "delete from " + r.table() + " where (" + r.id() + ") in (" + expired + ")"
                : "update " + r.table() + " set " + r.set() + " where (" + r.id() + ") in (" + expired + ")";
        return em.createNativeQuery(sql).setParameter(1, cutoff).executeUpdate();
    }
}
