package cn.scanforhelp.infra.outbox;

import cn.scanforhelp.infra.persistence.NativeWrite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.UUID;
import org.hibernate.Session;

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

    /**
     * True the first time this id is seen (and records it); false for a repeat. Does not flush the
     * session: a batch of 100 status updates, each loading its application and then calling this, was
     * dirty-checked 100 × 100 times (a quarter of intake's CPU for status batches in a profile).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String source) {
        return NativeWrite.toTableWithoutEntity(em, "inbox_event",
                        "insert into inbox_event (event_id, source) values (?1, ?2) on conflict do nothing")
                .setParameter(1, eventId).setParameter(2, source).executeUpdate() == 1;
    }

    /** Records many ids with one statement (repeats are ignored); does not flush the session. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Collection<UUID> eventIds, String source) {
        if (eventIds.isEmpty()) {
            return;
        }
        String[] ids = eventIds.stream().map(UUID::toString).toArray(String[]::new);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into inbox_event (event_id, source) "
                    + "select id, ? from unnest(cast(? as uuid[])) id on conflict do nothing")) {
                ps.setString(1, source);
                ps.setArray(2, c.createArrayOf("text", ids));
                ps.executeUpdate();
            }
        });
    }
}
