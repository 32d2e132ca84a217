package cn.scanforhelp.notification.sending;

import cn.scanforhelp.notification.message.SmsStatus;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Stores the outcomes of submits, as many as a claimed batch holds, with three statements whatever
 * their number (arrays through {@code unnest}). One transaction with three statements per message was
 * tried and made the sender slower under load: 60 round trips in a row on one thread, each waiting
 * for a busy core, took 350–430 ms a batch, where ten submit threads had run them side by side.
 */
final class Outcomes {

    /** What one submit changes: accepted part ids (numbered from {@code firstPart}), the new state. */
    record Outcome(UUID id, List<String> smscIds, int firstPart, SmsStatus status, int inDoubt, Instant next,
            String error) {
    }

    private static final String SEGMENTS = """
            insert into sms_segment (smsc_message_id, message_id, part_no, submitted_at)
            select u.smsc_id, u.message_id, u.part_no, ?
              from unnest(?::text[], ?::uuid[], ?::int[]) as u(smsc_id, message_id, part_no)
            on conflict do nothing""";

    private static final String MESSAGES = """
            update sms_message m set status = u.status, parts_sent = m.parts_sent + u.parts, in_doubt = u.in_doubt,
                   next_attempt_at = to_timestamp(u.next_ms / 1000.0), updated_at = ?, last_error = u.error,
                   sent_at = case when u.status = 'SENT' then ? else m.sent_at end
              from unnest(?::uuid[], ?::text[], ?::int[], ?::int[], ?::bigint[], ?::text[])
                   as u(id, status, parts, in_doubt, next_ms, error)
             where m.id = u.id""";

    private Outcomes() {
    }

    /** Writes the outcomes in the caller's transaction; a message now SENT has its receipts applied. */
    static void write(EntityManager em, List<Outcome> outcomes, Instant now) {
        em.flush(); // plain JDBC below: what the session holds must be in the database first
        em.unwrap(Session.class).doWork(c -> write(c, outcomes, now));
    }

    private static void write(Connection c, List<Outcome> outcomes, Instant now) throws SQLException {
        var at = now.atOffset(ZoneOffset.UTC);
        List<String> smscIds = new ArrayList<>();
        List<UUID> segmentOf = new ArrayList<>();
        List<Integer> partNos = new ArrayList<>();
        for (Outcome o : outcomes) {
            int part = o.firstPart();
            for (String smscId : o.smscIds()) {
                smscIds.add(smscId);
                segmentOf.add(o.id());
                partNos.add(++part);
            }
        }
        if (!smscIds.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(SEGMENTS)) {
                ps.setObject(1, at);
                ps.setArray(2, c.createArrayOf("text", smscIds.toArray()));
                ps.setArray(3, c.createArrayOf("uuid", segmentOf.toArray()));
                ps.setArray(4, c.createArrayOf("int4", partNos.toArray()));
                ps.executeUpdate();
            }
        }
        int n = outcomes.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n];
        Integer[] parts = new Integer[n];
        Integer[] inDoubt = new Integer[n];
        Long[] nextMs = new Long[n];
        String[] errors = new String[n];
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            ids[i] = o.id();
            statuses[i] = o.status().name();
            parts[i] = o.smscIds().size();
            inDoubt[i] = o.inDoubt();
            nextMs[i] = o.next().toEpochMilli();
            errors[i] = o.error() == null ? null : o.error().length() > 200 ? o.error().substring(0, 200) : o.error();
            if (o.status() == SmsStatus.SENT) {
                sent.add(o.id());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(MESSAGES)) {
            ps.setObject(1, at);
            ps.setObject(2, at);
            ps.setArray(3, c.createArrayOf("uuid", ids));
            ps.setArray(4, c.createArrayOf("text", statuses));
            ps.setArray(5, c.createArrayOf("int4", parts));
            ps.setArray(6, c.createArrayOf("int4", inDoubt));
            ps.setArray(7, c.createArrayOf("int8", nextMs));
            ps.setArray(8, c.createArrayOf("text", errors));
            ps.executeUpdate();
        }
        if (!sent.isEmpty()) { // a receipt can arrive before its submit is recorded
            ReceiptStatus.refreshAll(c, sent.toArray(UUID[]::new), now);
        }
    }
}
