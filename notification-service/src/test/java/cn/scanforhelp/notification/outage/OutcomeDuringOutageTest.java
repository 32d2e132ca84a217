package cn.scanforhelp.notification.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.scanforhelp.infra.testing.DatabaseOutage;
import cn.scanforhelp.infra.testing.DatabaseOutageProfile;
import cn.scanforhelp.notification.support.CaseServiceStub;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMSC has accepted a message, but PostgreSQL is gone when its answer is to be written: the
 * answer is kept and written when the database is back, and the message is not submitted again
 * (the stale-row recovery is set to 2 s here, so a lost outcome would show as a second submit at once).
 */
@QuarkusTest
@TestProfile(OutcomeDuringOutageTest.Profile.class)
class OutcomeDuringOutageTest {

    public static class Profile extends DatabaseOutageProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = new HashMap<>(super.getConfigOverrides());
            m.put("sms.retry.submitting-timeout", "2s");
            return m;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            List<TestResourceEntry> all = new ArrayList<>(super.testResources());
            all.add(new TestResourceEntry(TestSmsc.class));
            all.add(new TestResourceEntry(CaseServiceStub.class));
            return all;
        }
    }

    final TestSmsc smsc = TestSmsc.get();

    @AfterEach
    void back() {
        smsc.beforeNextAnswer(null);
        DatabaseOutage.up();
    }

    @Test
    void anAnswerReceivedDuringAnOutageIsWrittenLaterAndTheSmsGoesOutOnce() throws Exception {
        String phone = Events.phone();
        // the SMSC takes the submit_sm; PostgreSQL goes away before the SMSC answers "accepted"
        smsc.beforeNextAnswer(DatabaseOutage::down);
        String id = Events.post(Events.event("RECEIVED", phone)).statusCode(202).extract().path("notificationId");
        await().atMost(Duration.ofSeconds(30)).until(() -> smsc.submitsTo(phone).size() == 1);
        Thread.sleep(5000); // the write failed (2 s pool timeout); a lost outcome would be "stale" by now
        // (read past the relay: the service itself cannot reach the database)
        assertThat(status(id)).as("the outcome cannot have been written during the outage").isEqualTo("SUBMITTING");
        DatabaseOutage.up();

        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(id)));
        Thread.sleep(4000); // twice the stale-row timeout, several polls: time for a resend, were there one
        assertThat(smsc.submitsTo(phone)).hasSize(1);
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(inDoubt(id)).isZero();
    }

    static String status(String id) throws Exception {
        return column(id, "status");
    }

    static int inDoubt(String id) throws Exception {
        return Integer.parseInt(column(id, "in_doubt"));
    }

    static String column(String id, String column) throws Exception {
        try (Connection c = DriverManager.getConnection(cn.scanforhelp.infra.testing.PostgresResource.jdbcUrl());
                PreparedStatement ps = c.prepareStatement("select " + column + "::text from sms_message where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            ResultSet rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
