package cn.scanforhelp.intake.application;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyAndLookupTest {

    @Inject
    AgroalDataSource db;

    long applicationsWith(String trackingNumber) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from application a join outbox_event o on o.aggregate_id = a.id::text "
                        + "where a.tracking_number = ?")) {
            ps.setString(1, trackingNumber);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    long applicationsOfPerson(String idHashSource) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from application where phone_hash = (select phone_hash from application where tracking_number = ?)")) {
            ps.setString(1, idHashSource);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void sameKeySameBodyGivesTheSameAnswerAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = application();
        Response first = resident().header("Idempotency-Key", key).body(body).post("/api/v1/applications");
        first.then().statusCode(202);
        Response second = resident().header("Idempotency-Key", key).body(body).post("/api/v1/applications");
        second.then().statusCode(202).body("trackingNumber", equalTo(first.path("trackingNumber")))
                .body("applicationId", equalTo(first.path("applicationId")))
                .header("Location", equalTo(first.header("Location")));
        assertEquals(1, applicationsOfPerson(first.path("trackingNumber")));
        assertEquals(1, applicationsWith(first.path("trackingNumber")), "one application, one outbox event");
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        resident().header("Idempotency-Key", key).body(application()).post("/api/v1/applications").then().statusCode(202);
        resident().header("Idempotency-Key", key).body(application()).post("/api/v1/applications").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:idempotency-key-reused"));
    }

    @Test
    void invalidKeyIsNamed() {
        resident().header("Idempotency-Key", "x".repeat(101)).body(application()).post("/api/v1/applications").then()
                .statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void twoIdenticalRequestsAtTheSameMomentMakeOneApplication() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = UUID.randomUUID().toString();
            String body = application();
            CyclicBarrier barrier = new CyclicBarrier(2);
            List<CompletableFuture<Response>> calls = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    barrier.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return resident().header("Idempotency-Key", key).body(body).post("/api/v1/applications");
            })).toList();
            Response a = calls.get(0).get();
            Response b = calls.get(1).get();
            assertEquals(202, a.statusCode());
            assertEquals(202, b.statusCode());
            assertEquals(a.<String>path("trackingNumber"), b.<String>path("trackingNumber"));
            assertEquals(1, applicationsOfPerson(a.path("trackingNumber")));
        }
    }

    @Test
    void lookupShowsReceivedThenWhatCaseServiceReports() {
        String phone = phone();
        Response r = resident().body(application(idNumber(), phone)).post("/api/v1/applications");
        String tn = r.path("trackingNumber");
        String id = r.path("applicationId");
        String spaced = TrackingNumbers.display(tn).toLowerCase().replace("-", " ");
        resident().body("{\"trackingNumber\":\"" + spaced + "\",\"phoneLast4\":\"" + phone.substring(7) + "\"}")
                .post("/api/v1/applications/lookup").then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("statusText", equalTo("已收到"))
                .body("township", equalTo("利桥镇")).body("nextDeadline", nullValue())
                .body("lastUpdate", org.hamcrest.Matchers.endsWith("+08:00"));

        String update = """
                {"eventId":"%s","caseId":"case-1","sequence":%d,"status":"%s","nextDeadline":"2026-12-02",
                 "updatedAt":"2026-11-29T10:00:00+08:00"}""";
        UUID event = UUID.randomUUID();
        given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON)
                .body(update.formatted(event, 2, "ACCEPTED")).post("/internal/v1/applications/" + id + "/status")
                .then().statusCode(204);
        // an older report arriving late is ignored; a repeat of an event has no second effect
        given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON)
                .body(update.formatted(UUID.randomUUID(), 1, "RECEIVED")).post("/internal/v1/applications/" + id + "/status")
                .then().statusCode(204);
        given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON)
                .body(update.formatted(event, 2, "ACCEPTED")).post("/internal/v1/applications/" + id + "/status")
                .then().statusCode(204);
        resident().header("Accept-Language", "en")
                .body("{\"trackingNumber\":\"" + tn + "\",\"phoneLast4\":\"" + phone.substring(7) + "\"}")
                .post("/api/v1/applications/lookup").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("statusText", equalTo("Accepted"))
                .body("nextDeadline", equalTo("2026-12-02"));
    }

    @Test
    void wrongDigitsAndUnknownNumberGetTheSame404() {
        String phone = phone();
        String tn = resident().body(application(idNumber(), phone)).post("/api/v1/applications").path("trackingNumber");
        String wrong = phone.substring(7).equals("0000") ? "1111" : "0000";
        Response a = resident().body("{\"trackingNumber\":\"" + tn + "\",\"phoneLast4\":\"" + wrong + "\"}")
                .post("/api/v1/applications/lookup");
        String other = "2222222222" + TrackingNumbers.checkSymbol("2222222222");
        Response b = resident().body("{\"trackingNumber\":\"" + other + "\",\"phoneLast4\":\"" + wrong + "\"}")
                .post("/api/v1/applications/lookup");
        Response c = resident().body("{\"trackingNumber\":\"garbage\",\"phoneLast4\":\"12\"}")
                .post("/api/v1/applications/lookup");
        a.then().statusCode(404).contentType("application/problem+json");
        assertEquals(a.asString(), b.asString());
        assertEquals(a.asString(), c.asString());
    }

    @Test
    void statusEndpointNeedsTheServiceRole() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{}")
                .post("/internal/v1/applications/" + UUID.randomUUID() + "/status").then().statusCode(403);
        given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON).body("{\"status\":\"NOPE\"}")
                .post("/internal/v1/applications/" + UUID.randomUUID() + "/status").then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void staffSeeMaskedApplicationsOfTheirDivisionOnly() {
        String phone = phone();
        String id = idNumber();
        String appId = resident().body(application(id, phone)).post("/api/v1/applications").path("applicationId");
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/applications/" + appId).then().statusCode(200)
                .body("applicantName", equalTo("张*三"))
                .body("idNumber", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
        given().auth().oauth2(Tokens.dangchuan()).get("/api/v1/applications/" + appId).then().statusCode(404);
        given().get("/api/v1/applications/" + appId).then().statusCode(401);
    }
}
