package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.audit.AuditEntry;
import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.StaffScope;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many full reveals of personal data one staff member may make per day (Asia/Shanghai). The count is the
 * audit trail's own REVEAL entries, so it holds across replicas and restarts; a refusal is itself written to the
 * trail as {@code REVEAL_REFUSED}, where the district (and the auditor role) see it, and counted in the metric
 * {@code sfh_reveal_refused_total} by township (no user name: staff identities stay in the audit trail).
 */
@ApplicationScoped
public class RevealLimit {

    private final int dailyLimit;
    private final Clock clock;
    private final AuditLog audit;
    private final EntityManager em;
    private final MeterRegistry meters;

    public RevealLimit(@ConfigProperty(name = "sfh.reveal.daily-limit", defaultValue = "30") int dailyLimit, Clock clock,
            AuditLog audit, EntityManager em, MeterRegistry meters) {
        this.dailyLimit = dailyLimit;
        this.clock = clock;
        this.audit = audit;
        this.em = em;
        this.meters = meters;
    }

    /**
     * Passes when the caller has reveals left today; otherwise records the refusal and throws 429 with
     * Retry-After until midnight. The caller's transaction must not roll back on {@link ProblemException}, so the
     * refusal's audit entry is kept.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public void check(StaffScope who, CaseFile c) {
        String user = who.user();
        // One reveal at a time per user, so two tabs cannot both take the last one.
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "reveal:" + user).getSingleResult();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(Calendars.ZONE));
        ZonedDateTime midnight = now.toLocalDate().atStartOfDay(Calendars.ZONE);
        long used = AuditEntry.count("actor = ?1 and action = 'REVEAL' and at >= ?2", user,
                midnight.toOffsetDateTime());
        if (used < dailyLimit) {
            return;
        }
        audit.record(who, "REVEAL_REFUSED", c.id, c.divisionCode,
                "daily limit of " + dailyLimit + " full reveals reached; nothing shown");
        meters.counter("sfh.reveal.refused", "township", township(c.divisionCode)).increment();
        long wait = Math.max(1, Duration.between(now, midnight.plusDays(1)).toSeconds());
        throw new ProblemException(429, "reveal-limit-reached", dailyLimit).withHeader("Retry-After", Long.toString(wait));
    }

    private static String township(String division) {
        return division == null || division.length() < 9 ? String.valueOf(division) : division.substring(0, 9);
    }
}
