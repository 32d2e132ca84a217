package cn.scanforhelp.intake.outage;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.resident;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import cn.scanforhelp.infra.testing.DatabaseOutage;
import cn.scanforhelp.infra.testing.Management;
import cn.scanforhelp.infra.testing.OidcResource;
import cn.scanforhelp.intake.CaseServiceStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * intake-service started while PostgreSQL cannot be reached: it runs (live), is not ready and answers
 * 503, and becomes ready by itself once the database is there, without a restart.
 */
@QuarkusTest
@TestProfile(StartWithoutDatabaseTest.Profile.class)
class StartWithoutDatabaseTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2s",
                    "quarkus.datasource.jdbc.login-timeout", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseOutage.class, Map.of("down", "true")),
                    new TestResourceEntry(OidcResource.class), new TestResourceEntry(CaseServiceStub.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void waitsForTheDatabaseAndBecomesReadyWithoutARestart() {
        Management.given().get("/q/health/live").then().statusCode(200);
        Management.given().get("/q/health/ready").then().statusCode(503).body(containsString("database-migrations"));
        resident().body(application()).post("/api/v1/applications").then().statusCode(503)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());

        DatabaseOutage.up();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Management.given().get("/q/health/ready").statusCode() == 200);
        resident().body(application()).post("/api/v1/applications").then().statusCode(202);
    }
}
