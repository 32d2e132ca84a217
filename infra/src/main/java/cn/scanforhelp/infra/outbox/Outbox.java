package cn.scanforhelp.infra.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Writes an event in the caller's transaction; the relay delivers it after the commit. */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public Outbox(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
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
        // One round trip: the insert, and pg_notify (delivered by PostgreSQL at commit, never if the
        // transaction rolls back) to wake the relay. count(...) gives the statement a typed result:
        // a bare "select pg_notify(...)" returns void, which Hibernate resolves by throwing and
        // catching an exception on every call.
        em.createNativeQuery("with e as (insert into outbox_event (id, destination, aggregate_id, event_type, payload) "
                + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb)) returning destination) "
                + "select count(pg_notify('outbox', e.destination)) from e")
                .setParameter(1, id).setParameter(2, destination).setParameter(3, aggregateId)
                .setParameter(4, eventType).setParameter(5, json)
                .getSingleResult();
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
        // unnest keeps the list's order, so seq (the relay's per-aggregate order) follows it
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("with e as (insert into outbox_event "
                    + "(id, destination, aggregate_id, event_type, payload) "
                    + "select * from unnest(cast(? as uuid[]), cast(? as varchar[]), cast(? as varchar[]), "
                    + "cast(? as varchar[]), cast(? as jsonb[])) returning destination) "
                    + "select count(pg_notify('outbox', d.destination)) from (select distinct destination from e) d")) {
                ps.setArray(1, c.createArrayOf("text", ids));
                ps.setArray(2, c.createArrayOf("text", destinations));
                ps.setArray(3, c.createArrayOf("text", aggregates));
                ps.setArray(4, c.createArrayOf("text", types));
                ps.setArray(5, c.createArrayOf("text", payloads));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
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
