package cn.scanforhelp.intake.hotline;

import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.scanforhelp.infra.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import cn.scanforhelp.infra.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HotlineTest {

    @Inject
    AgroalDataSource db;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

    static String call(String phone, String division, String outcome, String application) {
        return """
                {"callerPhone":"%s","divisionCode":"%s","startedAt":"%s","durationSeconds":240,
                 "notes":"来电","outcome":"%s"%s}""".formatted(phone, division,
                TestClock.now().minusMinutes(10).withNano(0), outcome,
                application == null ? "" : ",\"application\":" + application);
    }

    static String application(String division, String id) {
        return """
                {"divisionCode":"%s","applicant":{"name":"王大明","idNumber":"%s"},"difficulty":"DISABILITY",
                 "description":"腿脚不便","consent":true}""".formatted(division, id);
    }

    @Test
    void applicationCallCreatesAHotlineApplicationWithConsentByOperator() throws Exception {
        String phone = phone();
        Response r = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(call(phone, "620503114", "APPLICATION", application("620503114", idNumber())))
                .post("/api/v1/hotline/calls");
        r.then().statusCode(201).body("callId", notNullValue()).body("trackingNumber", notNullValue());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select channel, consent_recorded_by, h.operator from application a join hotline_call h "
                        + "on h.application_id = a.id where a.id = ?::uuid")) {
            ps.setString(1, r.path("applicationId"));
            ResultSet rs = ps.executeQuery();
            Assertions.assertTrue(rs.next());
            Assertions.assertEquals("HOTLINE", rs.getString(1));
            Assertions.assertEquals("operator", rs.getString(2));
            Assertions.assertEquals("operator", rs.getString(3));
        }
        // the next call from that number: the operator sees at once that the caller applied
        given().auth().oauth2(Tokens.operator()).queryParam("phone", phone).get("/api/v1/hotline/calls").then()
                .statusCode(200)
                .body("calls", hasSize(1)).body("calls[0].outcome", equalTo("APPLICATION"))
                .body("calls[0].callerPhone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("applications", hasSize(1)).body("applications[0].applicantName", equalTo("王*明"))
                .body("applications[0].channel", equalTo("HOTLINE"));
    }

    @Test
    void inquiryIsRecordedWithoutApplication() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(call(phone(), "620503116", "INQUIRY", null)).post("/api/v1/hotline/calls").then()
                .statusCode(201).body("applicationId", nullValue());
    }

    /**
     * A double press on the desk's save (or a retry while the first is still in flight) sends the same call twice
     * at once: one call is recorded and both answers name it; before, the second insert met the unique key and
     * answered 500.
     */
    @Test
    void theSameCallSentTwiceAtOnceIsRecordedOnce() throws Exception {
        String phone = phone();
        String key = java.util.UUID.randomUUID().toString();
        String body = call(phone, "620503116", "COMPLAINT", null);
        String token = Tokens.operator();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> answers =
                    new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/hotline/calls"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            java.util.Set<String> callIds = new java.util.HashSet<>();
            for (var a : answers) {
                java.net.http.HttpResponse<String> r = a.get(30, java.util.concurrent.TimeUnit.SECONDS);
                Assertions.assertEquals(201, r.statusCode(), r.body());
                callIds.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("callId").asText());
            }
            Assertions.assertEquals(1, callIds.size(), callIds.toString());
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from hotline_call where operator = 'operator' and idempotency_key = ?")) {
            ps.setString(1, key);
            ResultSet rs = ps.executeQuery();
            rs.next();
            Assertions.assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void operatorsSeeAndRecordOnlyTheirDivision() {
        String liqiaoOperator = Tokens.user("op-liqiao").roles("hotline-operator").division("620503114").sign();
        String phone = phone();
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(call(phone, "620503116", "COMPLAINT", null)).post("/api/v1/hotline/calls").then().statusCode(201);
        given().auth().oauth2(liqiaoOperator).queryParam("phone", phone).get("/api/v1/hotline/calls").then()
                .statusCode(200).body("calls", hasSize(0));
        given().auth().oauth2(Tokens.operator()).queryParam("phone", phone).get("/api/v1/hotline/calls").then()
                .statusCode(200).body("calls", hasSize(1));
        given().auth().oauth2(liqiaoOperator).contentType(ContentType.JSON)
                .body(call(phone, "620503116", "APPLICATION", application("620503116", idNumber())))
                .post("/api/v1/hotline/calls").then().statusCode(400)
                .body("errors.field", hasItem("divisionCode"))
                .body("errors.field", hasItem("application.divisionCode"));
    }

    @Test
    void invalidCallListsEveryField() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("""
                        {"callerPhone":"12","divisionCode":"620503114","durationSeconds":-1,"outcome":"SHOUTING"}""")
                .post("/api/v1/hotline/calls").then().statusCode(400)
                .body("errors.field", hasItem("callerPhone")).body("errors.field", hasItem("startedAt"))
                .body("errors.field", hasItem("durationSeconds")).body("errors.field", hasItem("outcome"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(call(phone(), "620503114", "APPLICATION", "{\"applicant\":{}}"))
                .post("/api/v1/hotline/calls").then().statusCode(400)
                .body("errors.field", hasItem("application.applicant.idNumber"))
                .body("errors.field", hasItem("application.consent"));
    }

    @Test
    void residentsAndReviewersCannotRecordCalls() {
        given().contentType(ContentType.JSON).body(call(phone(), "620503114", "INQUIRY", null))
                .post("/api/v1/hotline/calls").then().statusCode(401);
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON)
                .body(call(phone(), "620503114", "INQUIRY", null)).post("/api/v1/hotline/calls").then().statusCode(403);
    }
}
