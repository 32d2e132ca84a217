package cn.scanforhelp.console;

import static org.awaitility.Awaitility.await;

import cn.scanforhelp.infra.testing.PostgresResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * notification-service's own database (in the tests' embedded PostgreSQL, {@link NotificationServiceProcess}): the
 * log provider sends nothing and gets no receipts, so a test makes an SMS undeliverable here, as a receipt would.
 */
public final class NotificationDb {

    private NotificationDb() {
    }

    /** Waits for the case's RECEIVED SMS to be sent, then records an UNDELIV receipt (error 001) on it; its id. */
    public static String undeliverable(String trackingNumber) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(sql(
                "select status from sms_message where tracking_number = ? and event_type = 'RECEIVED'", trackingNumber)));
        String id = sql("select id from sms_message where tracking_number = ? and event_type = 'RECEIVED'",
                trackingNumber);
        sql("update sms_message set status = 'UNDELIVERABLE', receipt_state = 'UNDELIV' where id = ?::uuid", id);
        sql("insert into sms_segment (smsc_message_id, message_id, part_no, submitted_at)"
                + " select 't-' || id, id, 1, now() from sms_message where id = ?::uuid", id);
        sql("insert into sms_receipt (smsc_message_id, state, error_code, received_at)"
                + " values ('t-' || ?, 'UNDELIV', '001', now())", id);
        return id;
    }

    /** One statement with one parameter; the first column of the first row, if any. */
    public static String sql(String sql, String arg) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + PostgresResource.server().getPort() + "/notification", "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            if (!ps.execute()) {
                return null;
            }
            try (ResultSet rs = ps.getResultSet()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
