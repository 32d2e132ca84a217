package cn.scanforhelp.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.crypto.Reencryption;
import cn.scanforhelp.infra.retention.Retention;
import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Records past their retention period lose their personal values (or go); younger ones are kept whole. */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    Clock clock;

    @Inject
    Reencryption reencryption;

    private static String sent(String phone) {
        String tn = "R" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Map<String, Object> e = Events.event("RECEIVED", phone);
        e.put("trackingNumber", tn);
        Events.post(e).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmsc.get().submitsTo(phone).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> !"PENDING".equals(column(tn, "status"))
                && !"SUBMITTING".equals(column(tn, "status")));
        return tn;
    }

    private static String column(String trackingNumber, String column) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement s = c.prepareStatement("select " + column + " from sms_message where tracking_number = ?")) {
            s.setString(1, trackingNumber);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static void sql(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void anSmsPastItsPeriodIsAnonymisedAndAYoungerOneKept() throws SQLException {
        String oldPhone = Events.phone();
        String old = sent(oldPhone);
        String young = sent(Events.phone());
        sql("update sms_message set created_at = created_at - interval '200 days' where tracking_number = ?", old);

        retention.runAll();
        reencryption.runAll(); // leaves the erased phone alone

        assertEquals("", column(old, "body"));
        assertEquals(null, column(old, "phone_enc"));
        assertEquals("", column(old, "phone_hash"));
        assertTrue(column(young, "body").startsWith("【麦积区民政局】"));
        assertFalse(column(young, "phone_enc").isEmpty());
        // staff still see that a message went out, and when, but not to whom or what it said
        given().auth().oauth2(Tokens.liqiao()).queryParam("trackingNumber", old).get("/api/v1/notifications")
                .then().statusCode(200).body("messages", hasSize(1))
                .body("messages[0].eventType", equalTo("RECEIVED"))
                .body("messages[0].text", equalTo("")).body("messages[0].phone", equalTo(""));
    }

    @Test
    void aDeliveredOutboxEventGoesAfterItsPeriodAnUndeliveredOneNever() throws SQLException {
        Instant now = clock.instant();
        UUID delivered = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        String insert = "insert into outbox_event (id, destination, aggregate_id, event_type, payload, created_at, "
                + "next_attempt_at, delivered_at) values (?, 'case-service', 'x', 'TEST', '{}'::jsonb, ?, ?, ?)";
        Timestamp longAgo = Timestamp.from(now.minus(Duration.ofDays(40)));
        sql(insert, delivered, longAgo, longAgo, longAgo);
        sql(insert, recent, longAgo, longAgo, Timestamp.from(now.minus(Duration.ofDays(2))));
        sql("insert into outbox_event (id, destination, aggregate_id, event_type, payload, created_at, next_attempt_at, "
                + "failed_at) values (?, 'case-service', 'x', 'TEST', '{}'::jsonb, ?, ?, ?)", pending, longAgo, longAgo, longAgo);

        retention.runAll();

        assertFalse(exists(delivered));
        assertTrue(exists(recent));
        assertTrue(exists(pending));
    }

    private static boolean exists(UUID id) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement s = c.prepareStatement("select 1 from outbox_event where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
