package cn.scanforhelp.infra.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

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
        String json;
        try {
            json = payload instanceof String s ? s : mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload cannot be serialized", e);
        }
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
}
