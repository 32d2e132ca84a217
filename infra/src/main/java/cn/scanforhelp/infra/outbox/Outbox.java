package cn.scanforhelp.infra.outbox;

import cn.scanforhelp.infra.persistence.NativeWrite;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes an event in the caller's transaction and wakes this process's relay once the transaction has
 * committed (never if it rolls back). The event keeps the current trace context, so its delivery
 * continues the trace of the work that wrote it ({@link OutboxTrace}).
 *
 * <p>Why not PostgreSQL NOTIFY, which woke the relay until 2026-11-29: at commit, PostgreSQL queues
 * notifications under one lock per server, held through the commit's WAL flush, so every submission
 * committed after the one before it. Under a surge the lock waits showed in the server log (20–25 ms,
 * queues of eight backends). The writer's own relay claims with SKIP LOCKED like every other replica's,
 * so waking it is enough; the others find what is left by their poll.
 */
@ApplicationScoped
public class Outbox {

    /** Marks a transaction that already asked for a wake-up, so a batch of events asks once. */
    private static final Object WAKE_AFTER_COMMIT = new Object();

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager em, ObjectMapper mapper, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.em = em;
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * @param destination   which {@link OutboxDelivery} sends it
     * @param aggregateId   events of one aggregate are delivered in the order written
     * @param payload       serialized with the application's ObjectMapper
     * @return the event id, which receivers use to ignore repeats
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String destination, String aggregateId, String eventType, Object payload) {
        return enqueue(UUID.randomUUID(), destination, aggregateId, eventType, payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(UUID id, String destination, String aggregateId, String eventType, Object payload) {
        String json = json(payload);
        OutboxTrace.Carried trace = OutboxTrace.current();
        NativeWrite.toTableWithoutEntity(em, "outbox_event", "insert into outbox_event (id, destination, "
                        + "aggregate_id, event_type, payload, trace_parent, trace_state) "
                        + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7)")
                .setParameter(1, id).setParameter(2, destination).setParameter(3, aggregateId)
                .setParameter(4, eventType).setParameter(5, json)
                .setParameter(6, trace.traceParent()).setParameter(7, trace.traceState())
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    /** One event to write with {@link #enqueueAll}; see {@link #enqueue(UUID, String, String, String, Object)}. */
    public record Event(UUID id, String destination, String aggregateId, String eventType, Object payload) {
    }

    /**
     * Writes many events with one statement (a receiver taking a batch writes several per item), in list
     * order: events of one aggregate are delivered in the order given. Does not flush the session.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] destinations = new String[n];
        String[] aggregates = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Event e = events.get(i);
            ids[i] = e.id().toString();
            destinations[i] = e.destination();
            aggregates[i] = e.aggregateId();
            types[i] = e.eventType();
            payloads[i] = json(e.payload());
        }
        OutboxTrace.Carried trace = OutboxTrace.current(); // one transaction, one span: the same for all
        // unnest keeps the list's order, so seq (the relay's per-aggregate order) follows it
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into outbox_event "
                    + "(id, destination, aggregate_id, event_type, payload, trace_parent, trace_state) "
                    + "select e.*, ?, ? from unnest(cast(? as uuid[]), cast(? as varchar[]), cast(? as varchar[]), "
                    + "cast(? as varchar[]), cast(? as jsonb[])) e")) {
                ps.setString(1, trace.traceParent());
                ps.setString(2, trace.traceState());
                ps.setArray(3, c.createArrayOf("text", ids));
                ps.setArray(4, c.createArrayOf("text", destinations));
                ps.setArray(5, c.createArrayOf("text", aggregates));
                ps.setArray(6, c.createArrayOf("text", types));
                ps.setArray(7, c.createArrayOf("text", payloads));
                ps.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_AFTER_COMMIT) != null) {
            return;
        }
        transactions.putResource(WAKE_AFTER_COMMIT, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String json(Object payload) {
        try {
            return payload instanceof String s ? s : mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload cannot be serialized", e);
        }
    }
}
