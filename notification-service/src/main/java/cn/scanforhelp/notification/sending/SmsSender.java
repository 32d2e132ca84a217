package cn.scanforhelp.notification.sending;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.persistence.DatabaseFailures;
import cn.scanforhelp.notification.config.SmsConfig;
import cn.scanforhelp.notification.message.SmsMessage;
import cn.scanforhelp.notification.message.SmsStatus;
import cn.scanforhelp.notification.smpp.InboundHandler;
import cn.scanforhelp.notification.smpp.SmppGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends due messages, exactly once each as far as SMPP allows.
 *
 * <p>How a message is never sent twice and never lost:
 * <ol>
 * <li>The row exists once per event (unique event id, inbox in the same transaction).</li>
 * <li>A sender claims due rows with {@code FOR UPDATE SKIP LOCKED} and marks them SUBMITTING in a
 * committed transaction <em>before</em> any submit_sm, so no other replica (and no later poll of this
 * one) can pick the same row while it is being sent.</li>
 * <li>After submit_sm_resp the gateway's ids are stored per part ({@code parts_sent}), so a retry of a
 * long message resumes after the parts already accepted instead of repeating them. The outcomes of
 * one claimed batch (at most five times the window) are stored together once all its submits are
 * answered ({@link Outcomes}).</li>
 * <li>Where SMPP forces a choice — a submit_sm went out but its answer never came (timeout, link
 * dropped), or the process died while the row was SUBMITTING — SMPP has no idempotency key, so we
 * cannot ask the SMSC whether it has the message. We then prefer one duplicate over a loss: the
 * message is sent once more ({@code in_doubt} 0 → 1). If that second outcome is unknown too, the row
 * becomes UNKNOWN for an operator and is not sent again, so a message is sent at most twice and
 * only in that case. A crashed SUBMITTING row is recognised after {@code sms.retry.submitting-timeout}
 * (default 2 min, far above the response timeout).</li>
 * <li>An answer that came but could not be stored because PostgreSQL was unavailable is kept in memory
 * ({@link HeldOutcomes}) and stored when the database is back; meanwhile the stale-row recovery waits.
 * So a database outage alone never causes a second SMS: only a dead process or a dead SMSC link can.</li>
 * </ol>
 * Transient refusals (throttling, system error, link down) are retried with exponential backoff
 * (jittered) until the message's give-up time; permanent ones (invalid number) fail at once.
 */
@ApplicationScoped
public class SmsSender {

    private static final Logger LOG = Logger.getLogger(SmsSender.class);

    private static final String CLAIM = """
            update sms_message m set status = 'SUBMITTING', attempts = m.attempts + 1, updated_at = ?1
             where m.id in (select id from sms_message
                             where status = 'PENDING' and next_attempt_at <= ?1 and (urgent or ?2 = false)
                             order by next_attempt_at limit ?3
                             for update skip locked)
            returning m.id, m.phone_enc, m.body, m.udh_reference, m.parts_sent, m.in_doubt, m.give_up_at,
                      m.urgent, m.attempts""";

    private final EntityManager em;
    private final FieldCipher cipher;
    private final SmsConfig config;
    private final QuietHours quietHours;
    private final Clock clock;
    private final InboundHandler inbound;
    private final MeterRegistry metrics;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Outcomes received but not yet written (the database was away); the worker thread writes them. */
    private final HeldOutcomes held = new HeldOutcomes();
    private SmsProvider provider;
    private ExecutorService worker;
    private ExecutorService submitters;
    private volatile boolean running;

    public SmsSender(EntityManager em, FieldCipher cipher, SmsConfig config, QuietHours quietHours, Clock clock,
            InboundHandler inbound, MeterRegistry metrics) {
        this.em = em;
        this.cipher = cipher;
        this.config = config;
        this.quietHours = quietHours;
        this.clock = clock;
        this.inbound = inbound;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent ev) {
        provider = switch (config.provider()) {
            case "log" -> new LogProvider();
            case "smpp" -> {
                SmppGateway g = new SmppGateway(config, inbound);
                g.start();
                yield g;
            }
            default -> throw new IllegalStateException("sms.provider must be log or smpp, not " + config.provider());
        };
        LOG.infof("SMS provider: %s", provider.name());
        if (provider instanceof SmppGateway g) {
            metrics.gauge("sfh.sms.smpp.bound", g, x -> x.isBound() ? 1 : 0);
        }
        metrics.gauge("sfh.sms.outcomes.held", held, HeldOutcomes::size);
        if (!config.sending().enabled()) {
            return;
        }
        worker = Executors.newSingleThreadExecutor(r -> daemon(r, "sms-sender"));
        submitters = Executors.newFixedThreadPool(config.smpp().window(), r -> daemon(r, "sms-submit"));
        running = true;
        wake();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        if (worker != null) {
            worker.shutdown();
            submitters.shutdown();
            try {
                worker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (provider instanceof SmppGateway g) {
            g.stop();
        }
    }

    public SmsProvider provider() {
        return provider;
    }

    @Scheduled(every = "${sms.sending.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (running) {
            if (held.isEmpty()) { // a held outcome's row is SUBMITTING on purpose: no recovery before it is written
                recoverStale();
            }
            wake();
        }
    }

    /** Asks for one drain; at most one is queued behind the running one. */
    public void wake() {
        if (running && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                drain();
            });
        }
    }

    /** Sends everything due now; returns how many messages were handled. Public for tests (as a second replica). */
    public int drain() {
        int total = 0;
        try {
            if (!held.isEmpty() && !held.flush(this::write)) {
                return total; // the database is still away: claiming would fail too
            }
            List<Claimed> batch;
            do {
                if (provider instanceof SmppGateway g && !g.isBound()) {
                    // Link down: leave rows PENDING (no attempt, no growing backoff); the poll resumes
                    // within a second of the rebind.
                    return total;
                }
                batch = claim();
                List<Future<Sent>> futures = new ArrayList<>();
                for (Claimed c : batch) {
                    futures.add(submitters.submit(() -> sendOne(c)));
                }
                List<Sent> sent = new ArrayList<>(futures.size());
                for (Future<Sent> f : futures) {
                    try {
                        sent.add(f.get());
                    } catch (ExecutionException e) { // that row stays SUBMITTING for recoverStale; the rest are stored
                        LOG.errorf("SMS submit failed: %s", e.getCause().getClass().getSimpleName());
                    }
                }
                recordAll(sent);
                total += batch.size();
            } while (!batch.isEmpty() && running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.errorf("SMS sender failed: %s", e.toString());
        }
        return total;
    }

    record Claimed(UUID id, String phoneEnc, String body, int udhReference, int partsSent, int inDoubt,
            OffsetDateTime giveUpAt, boolean urgent, int attempts) {
    }

    @SuppressWarnings("unchecked")
    private List<Claimed> claim() {
        Instant now = clock.instant();
        // Up to five submits per window slot a round: a round's claim and record cost the same few
        // statements whatever its size, and under load each of them waits for a busy core.
        int size = Math.max(1, Math.min(config.sending().batchSize(), config.smpp().window() * 5));
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery(CLAIM).setParameter(1, utc(now))
                    .setParameter(2, quietHours.isQuiet(now)).setParameter(3, size).getResultList();
            List<Claimed> out = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                out.add(new Claimed((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                        ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), toOffset(r[6]), (Boolean) r[7],
                        ((Number) r[8]).intValue()));
            }
            return out;
        });
    }

    record Sent(Claimed claimed, SmsProvider.Result result) {
    }

    private Sent sendOne(Claimed c) {
        SmsProvider.Result result;
        try {
            result = provider.submit(new SmsProvider.Outgoing(c.id(), cipher.decrypt(c.phoneEnc(),
                    SmsMessage.phoneOf(c.id())), c.body(), c.udhReference()), c.partsSent());
        } catch (FieldCipher.Misplaced e) {
            // The phone was copied here from another message (or tampered with): nothing was sent, and never is.
            LOG.errorf("SMS %s not sent: its encrypted recipient belongs to another row (logged by message id only)", c.id());
            result = new SmsProvider.Result(SmsProvider.Outcome.PERMANENT, List.of(), "phone not bound to this message");
        } catch (RuntimeException e) {
            // We cannot tell how far the provider got: same as an unanswered submit.
            result = new SmsProvider.Result(SmsProvider.Outcome.UNKNOWN, List.of(), e.getClass().getSimpleName());
        }
        metrics.counter("sfh.sms.submits", "outcome", result.outcome().name().toLowerCase()).increment();
        return new Sent(c, result);
    }

    /**
     * The outcomes of one claimed batch in one transaction. If that fails, each is stored on its own, so
     * one bad row cannot hold back the others; a row still unrecorded stays SUBMITTING and
     * {@link #recoverStale} handles it as an unknown outcome, as after a crash between submit and record.
     */
    private void recordAll(List<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Outcomes.Outcome> outcomes = sent.stream().map(s -> outcome(s.claimed(), s.result(), now)).toList();
        try {
            write(outcomes, now);
        } catch (RuntimeException batchFailed) {
            if (DatabaseFailures.unavailable(batchFailed)) {
                outcomes.forEach(o -> hold(o, now, batchFailed));
            } else {
                for (Outcomes.Outcome o : outcomes) {
                    try {
                        write(List.of(o), now);
                    } catch (RuntimeException e) {
                        if (DatabaseFailures.unavailable(e)) {
                            hold(o, now, e);
                        } else {
                            LOG.errorf("SMS %s: outcome not recorded (%s); left to the stale-row recovery", o.id(),
                                    e.getClass().getSimpleName());
                        }
                    }
                }
            }
        }
        for (Outcomes.Outcome o : outcomes) {
            if (o.status() != SmsStatus.SENT && o.status() != SmsStatus.PENDING) {
                LOG.warnf("SMS %s %s: %s", o.id(), o.status(), o.error());
            }
        }
    }

    private void write(List<Outcomes.Outcome> outcomes, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> Outcomes.write(em, outcomes, at));
    }

    /** The database is away but the SMSC has answered: keep the answer rather than risk a second SMS. */
    private void hold(Outcomes.Outcome o, Instant at, RuntimeException cause) {
        if (held.hold(o, at)) {
            LOG.warnf("SMS %s: database unavailable (SQLState %s); outcome %s kept until it is back", o.id(),
                    DatabaseFailures.sqlState(cause), o.status());
        } else {
            LOG.errorf("SMS %s: database unavailable and %d outcomes already held; left to the stale-row recovery",
                    o.id(), HeldOutcomes.MAX);
        }
    }

    /** What a submit's result means for the message: sent, failed, or due again (and when). */
    private Outcomes.Outcome outcome(Claimed c, SmsProvider.Result r, Instant now) {
        SmsStatus status;
        Instant next = now;
        int inDoubt = c.inDoubt();
        String error = r.error();
        switch (r.outcome()) {
            case ACCEPTED -> status = SmsStatus.SENT;
            case PERMANENT -> status = SmsStatus.FAILED;
            case TRANSIENT -> {
                next = quietHours.earliest(now.plus(backoff(c.attempts())), c.urgent());
                status = next.isAfter(c.giveUpAt().toInstant()) ? SmsStatus.FAILED : SmsStatus.PENDING;
                if (status == SmsStatus.FAILED) {
                    error = "gave up: " + error;
                }
            }
            default -> {
                // UNKNOWN: one more send (a possible duplicate, never a loss); a second doubt stops here.
                status = inDoubt == 0 ? SmsStatus.PENDING : SmsStatus.UNKNOWN;
                inDoubt++;
                next = quietHours.earliest(now.plus(config.retry().initialBackoff()), c.urgent());
            }
        }
        return new Outcomes.Outcome(c.id(), r.acceptedIds(), c.partsSent(), status, inDoubt, next, error);
    }

    /**
     * Rows left SUBMITTING by a process that died between claiming and recording: the submit_sm may
     * or may not have gone out, so they are handled as an unknown outcome (see the class comment).
     */
    int recoverStale() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update sms_message set status = case when in_doubt = 0 then 'PENDING' else 'UNKNOWN' end,
                       in_doubt = in_doubt + 1, next_attempt_at = ?1, updated_at = ?1,
                       last_error = 'outcome unknown: stopped during submit'
                 where status = 'SUBMITTING' and updated_at < ?2""")
                .setParameter(1, utc(now)).setParameter(2, utc(now.minus(config.retry().submittingTimeout())))
                .executeUpdate());
    }

    /** Exponential backoff with jitter: initial · 2^(attempt−1), capped. */
    Duration backoff(int attempt) {
        long base = config.retry().initialBackoff().toMillis();
        long cap = config.retry().maxBackoff().toMillis();
        long exp = Math.min(cap, base * (1L << Math.min(Math.max(attempt - 1, 0), 20)));
        return Duration.ofMillis(exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1));
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime toOffset(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt;
        }
        if (o instanceof Instant i) {
            return utc(i);
        }
        if (o instanceof java.sql.Timestamp t) {
            return utc(t.toInstant());
        }
        throw new IllegalStateException("unexpected timestamp type " + o.getClass());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
