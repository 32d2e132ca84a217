package cn.scanforhelp.infra.outbox;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Delivers outbox events until each is accepted. Woken in the process at the writer's commit (so the
 * usual delay is milliseconds; see {@link Outbox}) and by a slow poll, which also finds the events of
 * other replicas whose relay is busy or off, and events due again after a failure. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of replicas share the work without sending one event
 * twice at the same time; an event is only marked delivered after the receiver accepted it, so a
 * crash in between leads to a repeat, which receivers drop by event id (their inbox).
 *
 * <p>Plain JDBC rather than Hibernate here: the relay needs row locks held across the HTTP call and
 * its own commit per batch, outside any request transaction.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * Due events that are the oldest undelivered event of their aggregate (so per-aggregate order
     * holds). DISTINCT ON picks each aggregate's head in one pass; an anti-join ("no earlier
     * undelivered event") was planned as a nested loop over the whole backlog while the table's
     * statistics lagged behind a burst, taking seconds per claim at a few thousand events.
     */
    private static final String CLAIM = """
            select o.id, o.destination, o.aggregate_id, o.event_type, o.payload::text, o.created_at, o.attempts,
                   o.trace_parent, o.trace_state
              from outbox_event o
             where o.id in (select distinct on (h.destination, h.aggregate_id) h.id
                              from outbox_event h
                             where h.delivered_at is null and h.failed_at is null and h.destination = any (?)
                             order by h.destination, h.aggregate_id, h.seq)
               and o.next_attempt_at <= now()
             order by o.seq
             limit ?
             for update of o skip locked""";

    private final AgroalDataSource dataSource;
    private final Map<String, OutboxDelivery> deliveries = new HashMap<>();
    private final Config config;
    private final Tracer tracer;
    private final Vertx vertx;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "outbox-relay"));
    private final ExecutorService senders;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean running;

    public OutboxRelay(AgroalDataSource dataSource, Instance<OutboxDelivery> deliveries, Config config,
            Tracer tracer, Vertx vertx) {
        this.dataSource = dataSource;
        this.vertx = vertx;
        this.config = config;
        this.tracer = tracer;
        this.senders = Executors.newFixedThreadPool(Math.max(1, config.parallelism()),
                r -> daemon(r, "outbox-sender"));
        deliveries.forEach(d -> this.deliveries.put(d.destination(), d));
    }

    void start(@Observes StartupEvent ev) {
        if (!config.enabled() || deliveries.isEmpty()) {
            return;
        }
        running = true;
        wake();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        worker.shutdown();
        senders.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events whose retry time has come, and events written by other replicas. */
    @Scheduled(every = "${sfh.outbox.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (running) {
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

    /** Delivers everything due now; returns how many events were accepted. Visible for tests. */
    public int drain() {
        int total = 0;
        try {
            int delivered;
            do {
                delivered = deliverBatch();
                total += delivered;
            } while (delivered > 0 && running);
        } catch (SQLException e) {
            LOG.warnf("outbox relay cannot reach the database: %s", e.getSQLState());
        } catch (RuntimeException e) {
            LOG.error("outbox relay failed", e);
        }
        return total;
    }

    private int deliverBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<OutboxMessage> batch = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setArray(1, c.createArrayOf("varchar", deliveries.keySet().toArray()));
                ps.setInt(2, config.batchSize());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.add(new OutboxMessage(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class),
                                rs.getInt(7), rs.getString(8), rs.getString(9)));
                    }
                }
            }
            // A batch holds at most one event per aggregate (the claim skips events with an earlier
            // undelivered one), so its events may go out at the same time without breaking order.
            List<Exception> outcomes = send(batch);
            List<UUID> delivered = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if (outcomes.get(i) == null) {
                    delivered.add(batch.get(i).id());
                } else {
                    recordFailure(c, batch.get(i), outcomes.get(i));
                }
            }
            if (!delivered.isEmpty()) {
                // one statement for all accepted events: under a surge a batch is mostly these
                try (PreparedStatement ps = c.prepareStatement("update outbox_event set delivered_at = now(), "
                        + "attempts = attempts + 1, last_error = null where id = any (?)")) {
                    ps.setArray(1, c.createArrayOf("uuid", delivered.toArray()));
                    ps.executeUpdate();
                }
            }
            c.commit();
            return delivered.size();
        }
    }

    /**
     * Sends a claimed batch: one call per event, or calls of several events where the destination
     * takes several at once (see {@link #calls}); calls run side by side. Returns the failure per event
     * (null = accepted).
     */
    private List<Exception> send(List<OutboxMessage> batch) {
        List<List<OutboxMessage>> calls = calls(batch, d -> deliveries.get(d).batchLimit(),
                d -> deliveries.get(d).concurrentCalls(), config.parallelism());
        List<Future<List<Exception>>> pending = new ArrayList<>(calls.size());
        for (List<OutboxMessage> call : calls) {
            pending.add(senders.submit(() -> attempt(call)));
        }
        Map<UUID, Exception> failures = new HashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            List<OutboxMessage> call = calls.get(i);
            List<Exception> outcome = outcome(pending.get(i), call.size());
            for (int j = 0; j < call.size(); j++) {
                if (outcome.get(j) != null) {
                    failures.put(call.get(j).id(), outcome.get(j));
                }
            }
        }
        List<Exception> byEvent = new ArrayList<>(batch.size());
        for (OutboxMessage m : batch) {
            byEvent.add(failures.get(m.id()));
        }
        return byEvent;
    }

    /** Below this many events a destination's share of a batch is not split further. */
    static final int MIN_CALL_SIZE = 10;

    /**
     * Splits a batch into calls: per destination, into near-equal calls of at most its batch limit and,
     * where the destination takes {@link OutboxDelivery#concurrentCalls concurrent calls}, into at least
     * as many as the senders can run at once (their share per destination, none smaller than
     * {@link #MIN_CALL_SIZE}). One call of 100 left the relay waiting for one receiver transaction
     * working through 100 events on one thread while the other senders idled: under a surge on 2 cores
     * that call took 1–1.5 s, so the case-service relay passed on fewer events a second than arrived.
     * Events keep their order within each call; a batch holds at most one event per aggregate, so calls
     * may run side by side.
     */
    static List<List<OutboxMessage>> calls(List<OutboxMessage> batch, ToIntFunction<String> limit,
            Predicate<String> concurrent, int parallelism) {
        Map<String, List<OutboxMessage>> byDestination = new LinkedHashMap<>();
        for (OutboxMessage m : batch) {
            byDestination.computeIfAbsent(m.destination(), d -> new ArrayList<>()).add(m);
        }
        int share = Math.max(1, parallelism / Math.max(1, byDestination.size()));
        List<List<OutboxMessage>> calls = new ArrayList<>();
        byDestination.forEach((destination, events) -> {
            int n = events.size();
            int max = Math.max(1, limit.applyAsInt(destination));
            int side = concurrent.test(destination) ? Math.min(share, ceilDiv(n, MIN_CALL_SIZE)) : 1;
            int count = max == 1 ? n : Math.max(ceilDiv(n, max), side);
            for (int i = 0, from = 0; i < count; i++) {
                int to = from + ceilDiv(n - from, count - i);
                calls.add(events.subList(from, to));
                from = to;
            }
        });
        return calls;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * One call, in a span continuing the trace its event was written in (see {@link OutboxTrace}): the
     * failure per event, or the call's failure for each of its events when it threw.
     */
    private List<Exception> attempt(List<OutboxMessage> call) {
        OutboxDelivery delivery = deliveries.get(call.get(0).destination());
        Span span = OutboxTrace.send(tracer, delivery.destination(), call);
        // The REST client takes its parent span from the caller's Vert.x context, not from a plain
        // thread's: the call runs on a duplicated context of its own, with the span current there.
        ContextInternal context = (ContextInternal) VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        ContextInternal previous = context.beginDispatch();
        try (Scope ignored = span.makeCurrent()) {
            // the relay's threads are not Vert.x's, where OpenTelemetry would put these for the log lines
            MDC.put("traceId", span.getSpanContext().getTraceId());
            MDC.put("spanId", span.getSpanContext().getSpanId());
            List<Exception> outcomes = attemptTraced(delivery, call);
            if (outcomes.stream().anyMatch(java.util.Objects::nonNull)) {
                span.setStatus(StatusCode.ERROR, "not accepted");
            }
            return outcomes;
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
            context.endDispatch(previous);
            span.end();
        }
    }

    private static List<Exception> attemptTraced(OutboxDelivery delivery, List<OutboxMessage> call) {
        try {
            if (delivery.batchLimit() <= 1) {
                delivery.deliver(call.get(0));
                return Collections.singletonList(null);
            }
            List<Exception> outcomes = delivery.deliverAll(call);
            if (outcomes.size() != call.size()) {
                throw new IllegalStateException(delivery.destination() + " answered " + outcomes.size()
                        + " outcomes for " + call.size() + " events");
            }
            return outcomes;
        } catch (Exception e) {
            return Collections.nCopies(call.size(), e);
        }
    }

    private static List<Exception> outcome(Future<List<Exception>> f, int size) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Collections.nCopies(size, e);
        } catch (ExecutionException e) {
            return Collections.nCopies(size, e.getCause() instanceof Exception ex ? ex : e);
        }
    }

    /** Writes a failed attempt in the batch's transaction: parked, or due again after a backoff. */
    private void recordFailure(Connection c, OutboxMessage m, Exception failure) throws SQLException {
        // its log line is found by the trace id of the work that wrote the event
        String tp = m.traceParent();
        if (tp != null && tp.length() == 55) {
            MDC.put("traceId", tp.substring(3, 35));
        }
        try {
            recordFailureTraced(c, m, failure);
        } finally {
            MDC.remove("traceId");
        }
    }

    private void recordFailureTraced(Connection c, OutboxMessage m, Exception failure) throws SQLException {
        if (failure instanceof OutboxDelivery.PermanentDeliveryFailure) {
            LOG.errorf("outbox event %s (%s → %s) parked: %s", m.id(), m.eventType(), m.destination(),
                    failure.getMessage());
            try (PreparedStatement ps = c.prepareStatement(
                    "update outbox_event set failed_at = now(), attempts = attempts + 1, last_error = ? where id = ?")) {
                ps.setString(1, truncate(failure.getMessage()));
                ps.setObject(2, m.id());
                ps.executeUpdate();
            }
            return;
        }
        Duration wait = backoff(m.attempts() + 1);
        LOG.infof("outbox event %s (%s → %s) attempt %d failed (%s); next in %d ms", m.id(), m.eventType(),
                m.destination(), m.attempts() + 1, failure.getClass().getSimpleName(), wait.toMillis());
        try (PreparedStatement ps = c.prepareStatement("update outbox_event set attempts = attempts + 1, "
                + "next_attempt_at = now() + ? * interval '1 millisecond', last_error = ? where id = ?")) {
            ps.setLong(1, wait.toMillis());
            ps.setString(2, truncate(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
            ps.setObject(3, m.id());
            ps.executeUpdate();
        }
    }

    /** Exponential backoff with full jitter, capped. */
    Duration backoff(int attempt) {
        long base = config.backoffInitial().toMillis();
        long cap = config.backoffMax().toMillis();
        long exp = Math.min(cap, base * (1L << Math.min(attempt - 1, 20)));
        return Duration.ofMillis(exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1));
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @ConfigMapping(prefix = "sfh.outbox")
    public interface Config {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("50")
        int batchSize();

        /** Events of one batch sent at the same time (each to a different aggregate). */
        @WithDefault("8")
        int parallelism();

        @WithDefault("500ms")
        Duration backoffInitial();

        @WithDefault("5m")
        Duration backoffMax();

        /** How often the relay looks for due events besides being woken at a commit in its process. */
        @WithDefault("2s")
        Duration pollInterval();

        /** How often the backlog metrics and health data are measured. */
        @WithDefault("5s")
        Duration monitorInterval();
    }
}
