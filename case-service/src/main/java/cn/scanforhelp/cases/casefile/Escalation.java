package cn.scanforhelp.cases.casefile;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Escalates overdue cases to the district queue ({@code escalated=true} in the queue): marks them, records
 * the step and audits it. One statement, so replicas running the job at once escalate each case once.
 * It does not change the case's version: reviewers' ETags stay valid. Counts what it escalates in
 * {@code sfh_cases_escalated_total{kind=case|referral}}: cases going overdue, for the operator's alert (deploy/k8s).
 */
@ApplicationScoped
public class Escalation {

    private static final Logger LOG = Logger.getLogger(Escalation.class);
    private final EntityManager em;
    private final java.time.Clock clock;
    private final MeterRegistry meters;

    public Escalation(EntityManager em, java.time.Clock clock, MeterRegistry meters) {
        this.em = em;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(every = "${sfh.escalation.every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int n = escalate(java.time.OffsetDateTime.now(clock));
        if (n > 0) {
            LOG.infof("escalated %d overdue cases to the district", n);
        }
        int r = escalateReferrals(java.time.OffsetDateTime.now(clock));
        if (r > 0) {
            LOG.infof("escalated %d overdue referrals to the district", r);
        }
    }

    /** Escalates every case whose nearest deadline was before {@code now}'s day; returns how many. */
    @Transactional
    public int escalate(java.time.OffsetDateTime now) {
        Number n = (Number) em.createNativeQuery("""
                with esc as (
                    update case_file set escalated_at = ?2
                     where next_due_on < ?1 and escalated_at is null and closed_at is null
                    returning id, division_code, status, next_due_on),
                steps as (
                    insert into case_step (case_id, action, from_status, to_status, actor, at, note)
                    select id, 'ESCALATE', status, status, 'system', ?2, 'overdue since ' || next_due_on from esc)
                , audited as (
                    insert into audit_log (at, actor, roles, action, case_id, division_code, detail)
                    select ?2, 'system', 'scheduler', 'ESCALATE', id, division_code, 'overdue: escalated to the district'
                      from esc)
                select count(*) from esc""").setParameter(1, now.toLocalDate()).setParameter(2, now).getSingleResult();
        meters.counter("sfh.cases.escalated", "kind", "case").increment(n.doubleValue());
        return n.intValue();
    }

    /**
     * Marks every referral (转办) not done by its due date OVERDUE, escalates its case to the district queue
     * (if not already), records a step and an audit entry per referral; once. Returns how many referrals.
     */
    @Transactional
    public int escalateReferrals(java.time.OffsetDateTime now) {
        Number n = (Number) em.createNativeQuery("""
                with esc as (
                    update case_referral set state = 'OVERDUE', escalated_at = ?2
                     where due_on < ?1 and state in ('SENT', 'ACKNOWLEDGED')
                    returning id, case_id, department, due_on),
                cases as (
                    update case_file set escalated_at = ?2
                     where id in (select case_id from esc) and escalated_at is null
                    returning id),
                steps as (
                    insert into case_step (case_id, action, from_status, to_status, actor, at, note)
                    select esc.case_id, 'ESCALATE_REFERRAL', f.status, f.status, 'system', ?2,
                           'referral to ' || esc.department || ' overdue since ' || esc.due_on
                      from esc join case_file f on f.id = esc.case_id)
                , audited as (
                    insert into audit_log (at, actor, roles, action, case_id, division_code, detail)
                    select ?2, 'system', 'scheduler', 'ESCALATE_REFERRAL', esc.case_id, f.division_code,
                           'referral overdue: escalated to the district'
                      from esc join case_file f on f.id = esc.case_id)
                select count(*) from esc""").setParameter(1, now.toLocalDate()).setParameter(2, now).getSingleResult();
        meters.counter("sfh.cases.escalated", "kind", "referral").increment(n.doubleValue());
        return n.intValue();
    }
}
