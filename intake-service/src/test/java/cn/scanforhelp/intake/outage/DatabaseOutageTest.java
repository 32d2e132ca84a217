package cn.scanforhelp.intake.outage;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.resident;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.DatabaseOutage;
import cn.scanforhelp.infra.testing.DatabaseOutageProfile;
import cn.scanforhelp.infra.testing.Management;
import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.intake.CaseServiceStub;
import cn.scanforhelp.intake.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away while residents apply: every submission (JSON API, the no-JS form), look-up
 * and readiness answers 503 problem+json with Retry-After, never 500; once it is back the same
 * Idempotency-Key is accepted, once.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.Profile.class)
class DatabaseOutageTest {

    public static class Profile extends DatabaseOutageProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            List<TestResourceEntry> all = new ArrayList<>(super.testResources());
            all.add(new TestResourceEntry(CaseServiceStub.class));
            return all;
        }
    }

    @AfterEach
    void databaseBack() {
        DatabaseOutage.up();
    }

    @Test
    void submissionsDuringAnOutageAre503AndTheSameKeyIsAcceptedOnceAfterwards() throws Exception {
        String known = resident().body(application()).post("/api/v1/applications").then().statusCode(202)
                .extract().path("trackingNumber");

        // PostgreSQL killed and restarting: pooled connections were terminated (57P01), new ones meet crash recovery (57P03)
        DatabaseOutage.crashed();
        for (int i = 0; i < 4; i++) {
            unavailable(resident().body(application()).post("/api/v1/applications"));
            unavailable(form().formParam("idempotencyKey", UUID.randomUUID().toString()).post("/t/620503114"));
            unavailable(form().formParam("trackingNumber", known).formParam("last4", "1234").post("/s"));
        }
        DatabaseOutage.up();
        resident().body(application()).post("/api/v1/applications").then().statusCode(202);

        // the server gone: open connections break, new ones are refused
        DatabaseOutage.down();
        String key = UUID.randomUUID().toString();
        String body = application();
        // the first calls meet pooled connections that broke, the later ones a refused connect
        for (int i = 0; i < 4; i++) {
            unavailable(resident().header("Idempotency-Key", key).body(body).post("/api/v1/applications"));
        }
        for (int i = 0; i < 2; i++) {
            unavailable(form().formParam("idempotencyKey", UUID.randomUUID().toString()).post("/t/620503114"));
            unavailable(resident().body("{\"trackingNumber\":\"K7QM-4HXP-2RC\",\"phoneLast4\":\"5678\"}")
                    .post("/api/v1/applications/lookup"));
        }
        Management.given().get("/q/health/ready").then().statusCode(503);

        DatabaseOutage.up();
        String tracking = null;
        for (int i = 0; i < 20 && tracking == null; i++) {
            Response r = resident().header("Idempotency-Key", key).body(body).post("/api/v1/applications");
            if (r.statusCode() == 202) {
                tracking = r.path("trackingNumber");
            } else {
                unavailable(r);
                Thread.sleep(500);
            }
        }
        resident().header("Idempotency-Key", key).body(body).post("/api/v1/applications").then().statusCode(202)
                .body("trackingNumber", equalTo(tracking));
        assertEquals(1, applicationsWith(tracking));
        form().formParam("idempotencyKey", UUID.randomUUID().toString()).post("/t/620503114").then().statusCode(303);
        Management.given().get("/q/health/ready").then().statusCode(200);
    }

    static void unavailable(Response r) {
        r.then().statusCode(503).contentType(startsWith("application/problem+json"))
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:scan-for-help:problem:database-unavailable"));
    }

    static io.restassured.specification.RequestSpecification form() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255))
                .formParam("name", "张小三").formParam("idNumber", Fixtures.idNumber())
                .formParam("phone", Fixtures.phone()).formParam("difficulty", "ILLNESS")
                .formParam("householdSize", "3").formParam("description", "丈夫住院，医药费负担重")
                .formParam("consent", "on").formParam("sensitiveConsent", "on");
    }

    static long applicationsWith(String trackingNumber) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = c.prepareStatement("select count(*) from application where tracking_number = ?")) {
            ps.setString(1, trackingNumber);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
