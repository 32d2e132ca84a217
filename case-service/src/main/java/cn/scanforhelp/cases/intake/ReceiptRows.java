package cn.scanforhelp.cases.intake;

import cn.scanforhelp.cases.audit.AuditEntry;
import cn.scanforhelp.cases.casefile.CaseApplication;
import cn.scanforhelp.cases.casefile.CaseDeadline;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.CaseLink;
import cn.scanforhelp.cases.casefile.CaseStep;
import cn.scanforhelp.infra.outbox.Inbox;
import cn.scanforhelp.infra.outbox.Outbox;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * The rows that received applications add, written at the end with a few statements for all of them:
 * one at a time, a batch of 100 took some 900 statements. Cases and applications go through Hibernate,
 * whose JDBC batches the driver rewrites into multi-row inserts (so the statistics trigger on case_file
 * runs once per statement, not per case). Deadlines, steps and audit lines have database-generated ids,
 * which Hibernate inserts one by one; they go as one {@code INSERT … SELECT FROM unnest(…)} per table,
 * in list order, so their ids follow it (history and audit trail are read in id order).
 */
final class ReceiptRows {

    final List<CaseFile> cases = new ArrayList<>();
    final List<CaseApplication> applications = new ArrayList<>();
    final List<CaseDeadline> deadlines = new ArrayList<>();
    final List<CaseStep> steps = new ArrayList<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final List<UUID> inbox = new ArrayList<>();
    final List<Outbox.Event> events = new ArrayList<>();
    /** possible duplicates and previous cases: rare, so one insert each */
    final List<CaseLink> links = new ArrayList<>();

    /** {@code source}: the delivering client (azp), recorded with each event id in the inbox. */
    void write(EntityManager em, Inbox inboxTable, Outbox outbox, String source) {
        // cases first, then applications: each kind in one run, which is what JDBC batching groups
        cases.forEach(em::persist);
        applications.forEach(em::persist);
        em.flush(); // the cases exist before the rows that refer to them
        em.unwrap(Session.class).doWork(c -> {
            // a new case's clocks are running: paused_on, remaining_days, stopped_on and met stay null
            insert(c, "insert into case_deadline (case_id, kind, started_on, due_on, working_days) "
                    + "select * from unnest(cast(? as uuid[]), cast(? as varchar[]), cast(? as date[]), "
                    + "cast(? as date[]), cast(? as int[]))", deadlines,
                    d -> d.caseId, d -> d.kind, d -> d.startedOn, d -> d.dueOn, d -> d.workingDays);
            insert(c, "insert into case_step (case_id, action, from_status, to_status, actor, at, note, details) "
                    + "select * from unnest(cast(? as uuid[]), cast(? as varchar[]), cast(? as varchar[]), "
                    + "cast(? as varchar[]), cast(? as varchar[]), cast(? as timestamptz[]), cast(? as varchar[]), "
                    + "cast(? as varchar[]))", steps,
                    s -> s.caseId, s -> s.action, s -> s.fromStatus, s -> s.toStatus, s -> s.actor, s -> s.at,
                    s -> s.note, s -> s.details);
            insert(c, "insert into audit_log (at, actor, roles, action, case_id, division_code, detail) "
                    + "select * from unnest(cast(? as timestamptz[]), cast(? as varchar[]), cast(? as varchar[]), "
                    + "cast(? as varchar[]), cast(? as uuid[]), cast(? as varchar[]), cast(? as varchar[]))", audit,
                    a -> a.at, a -> a.actor, a -> a.roles, a -> a.action, a -> a.caseId, a -> a.divisionCode,
                    a -> a.detail);
        });
        links.forEach(em::persist);
        inboxTable.recordAll(inbox, source);
        outbox.enqueueAll(events);
    }

    /** One statement for all rows: column i is an array of every row's value, as text cast by the SQL. */
    @SafeVarargs
    private static <T> void insert(Connection c, String sql, List<T> rows, Function<T, Object>... columns)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.length; i++) {
                String[] values = new String[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    values[r] = Objects.toString(columns[i].apply(rows.get(r)), null);
                }
                ps.setArray(i + 1, c.createArrayOf("text", values));
            }
            ps.executeUpdate();
        }
    }
}
