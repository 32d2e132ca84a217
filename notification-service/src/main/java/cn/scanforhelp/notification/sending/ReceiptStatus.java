package cn.scanforhelp.notification.sending;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.Session;

/**
 * A message's status from the receipts of its parts: delivered when every part is, undeliverable or
 * expired as soon as one part is. Called when a receipt arrives and when a submit is recorded, since
 * either can come first.
 */
final class ReceiptStatus {

    private ReceiptStatus() {
    }

    // The receipts of the message's 1–3 parts are looked up by primary key (LATERAL): a plain join was
    // planned, while the table was young, as a hash join over every receipt, a plan that prepared
    // statements then kept while the table grew.
    private static final String REFRESH = """
            update sms_message m set
                   status = x.new_status, receipt_state = x.last_state, receipt_at = x.last_at, updated_at = ?
              from (select s.message_id,
                           case when bool_or(r.state in ('UNDELIV', 'REJECTD', 'DELETED', 'UNKNOWN')) then 'UNDELIVERABLE'
                                when bool_or(r.state = 'EXPIRED') then 'EXPIRED'
                                when count(*) filter (where r.state = 'DELIVRD') = count(*) then 'DELIVERED'
                                else 'SENT' end as new_status,
                           (array_agg(r.state order by r.received_at desc) filter (where r.state is not null))[1] as last_state,
                           max(r.received_at) as last_at
                      from sms_segment s
                      left join lateral (select state, received_at from sms_receipt
                                          where smsc_message_id = s.smsc_message_id) r on true
                     where s.message_id = any (?)
                     group by s.message_id) x
             where m.id = x.message_id and m.parts_sent = m.parts
               and m.status in ('SENT', 'DELIVERED', 'UNDELIVERABLE', 'EXPIRED')
               and x.last_state is not null""";

    static void refresh(EntityManager em, UUID messageId, Instant now) {
        em.flush(); // plain JDBC below: what the session holds must be in the database first
        em.unwrap(Session.class).doWork(c -> refreshAll(c, new UUID[] {messageId}, now));
    }

    /** The same for several messages in one statement, on the transaction's connection. */
    static void refreshAll(Connection c, UUID[] messageIds, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REFRESH)) {
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            ps.setArray(2, c.createArrayOf("uuid", messageIds));
            ps.executeUpdate();
        }
    }

    /** Receipts: the SMSC's final state per part id; a repeat keeps the latest. */
    static UUID record(EntityManager em, String receiptId, String state, String error, Instant now) {
        String smscId = matchingId(em, receiptId);
        em.createNativeQuery("""
                insert into sms_receipt (smsc_message_id, state, error_code, received_at) values (?1, ?2, ?3, ?4)
                on conflict (smsc_message_id) do update set state = excluded.state, error_code = excluded.error_code,
                       received_at = excluded.received_at""")
                .setParameter(1, smscId).setParameter(2, state)
                .setParameter(3, error == null ? null : error.length() > 8 ? error.substring(0, 8) : error)
                .setParameter(4, now.atOffset(ZoneOffset.UTC)).executeUpdate();
        var ids = em.createNativeQuery("select message_id from sms_segment where smsc_message_id = ?1")
                .setParameter(1, smscId).getResultList();
        return ids.isEmpty() ? null : (UUID) ids.get(0);
    }

    /**
     * Many SMSCs answer submit_sm with a hexadecimal id and write the same id in decimal in the
     * receipt (or the other way round): when the id as written matches no part, its other form is tried.
     */
    static String matchingId(EntityManager em, String id) {
        java.util.Set<String> candidates = new java.util.LinkedHashSet<>(
                java.util.List.of(id, id.toLowerCase(java.util.Locale.ROOT), id.toUpperCase(java.util.Locale.ROOT)));
        try {
            candidates.add(new java.math.BigInteger(id, 16).toString());
        } catch (NumberFormatException ignored) {
            // not hexadecimal
        }
        try {
            String hex = new java.math.BigInteger(id).toString(16);
            candidates.add(hex);
            candidates.add(hex.toUpperCase(java.util.Locale.ROOT));
        } catch (NumberFormatException ignored) {
            // not decimal
        }
        for (String c : candidates) { // exact matches on the primary key, the written form first
            if (!em.createNativeQuery("select 1 from sms_segment where smsc_message_id = ?1").setParameter(1, c)
                    .getResultList().isEmpty()) {
                return c;
            }
        }
        return id;
    }
}
