package cn.scanforhelp.infra.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Remembers processed event ids in the same transaction as their effect, so a repeated delivery
 * has no second effect. Two deliveries at the same moment serialize on the primary key: the second
 * waits for the first to commit and then sees it.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** True the first time this id is seen (and records it); false for a repeat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String source) {
        return em.createNativeQuery("insert into inbox_event (event_id, source) values (?1, ?2) on conflict do nothing")
                .setParameter(1, eventId).setParameter(2, source).executeUpdate() == 1;
    }
}
