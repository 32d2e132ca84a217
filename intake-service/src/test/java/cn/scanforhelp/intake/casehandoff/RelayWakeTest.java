package cn.scanforhelp.intake.casehandoff;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.resident;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay is woken by the submission's commit, not by its poll: with the poll an hour apart, each
 * accepted application still reaches case-service within seconds.
 */
@QuarkusTest
@TestProfile(RelayWakeTest.PollHourly.class)
class RelayWakeTest {

    public static class PollHourly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sfh.outbox.poll-interval", "1h");
        }
    }

    @Inject
    AgroalDataSource db;

    @Test
    void eachCommittedSubmissionWakesTheRelay() throws Exception {
        for (int i = 0; i < 3; i++) {
            String id = resident().body(application()).post("/api/v1/applications").then().statusCode(202)
                    .extract().path("applicationId");
            await().atMost(Duration.ofSeconds(15)).until(() -> delivered(UUID.fromString(id)));
        }
    }

    boolean delivered(UUID applicationId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from outbox_event where destination = 'case-service' and aggregate_id = ? "
                        + "and delivered_at is not null")) {
            ps.setString(1, applicationId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertTrue(rs.getLong(1) <= 1, "one event per application");
                return rs.getLong(1) == 1;
            }
        }
    }
}
