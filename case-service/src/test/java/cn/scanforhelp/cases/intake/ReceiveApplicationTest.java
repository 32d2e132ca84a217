package cn.scanforhelp.cases.intake;

import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReceiveApplicationTest {

    @Test
    void opensACaseInTheTownshipQueueWithPersonalFieldsEncrypted() {
        String id = idNumber();
        Map<String, Object> app = application("620503114", id);
        String caseId = post(app).then().statusCode(200).body("linkedToCaseId", nullValue())
                .extract().path("caseId");
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("type", equalTo("UNCLASSIFIED"))
                .body("trackingNumber", equalTo(app.get("trackingNumber")))
                .body("applicantName", equalTo("张*三"))
                .body("idNumber", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .body("phone", equalTo("138****5678"))
                .body("deadlines.kind", hasItem("ACCEPTANCE"))
                .body("allowedActions", hasItem("ACCEPT"));
        // nothing personal in clear at rest
        assertEquals(0, count("select count(*) from case_file where id_number_enc like ? or phone_enc like ?",
                "%" + id + "%", "%13812345678%"));
        assertEquals(1, count("select count(*) from case_file where id = ? and id_number_hash is not null",
                UUID.fromString(caseId)));
    }

    @Test
    void aRepeatedDeliveryCreatesNothingAndAnswersTheSame() {
        Map<String, Object> app = application("620503114", idNumber());
        String first = post(app).then().statusCode(200).extract().asString();
        long cases = count("select count(*) from case_file");
        long events = count("select count(*) from outbox_event");
        // a redelivery carries a new event id but the same application
        Map<String, Object> again = new HashMap<>(app);
        again.put("eventId", UUID.randomUUID().toString());
        assertEquals(first, post(again).then().statusCode(200).extract().asString());
        assertEquals(first, post(app).then().statusCode(200).extract().asString());
        assertEquals(cases, count("select count(*) from case_file"));
        assertEquals(events, count("select count(*) from outbox_event"));
    }

    @Test
    void theSamePersonsSecondApplicationIsLinkedToTheOpenCase() {
        String id = idNumber();
        String caseId = post(application("620503114", id)).then().statusCode(200).extract().path("caseId");
        Map<String, Object> second = application("620503114", id);
        second.put("channel", "HOTLINE");
        post(second).then().statusCode(200).body("caseId", equalTo(caseId)).body("linkedToCaseId", equalTo(caseId));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("applications", hasSize(2))
                .body("applications.duplicate", hasItem(true))
                .body("applications.trackingNumber", hasItem(second.get("trackingNumber")))
                .body("history.action", hasItem("LINK_DUPLICATE"));
        // another person: a case of its own
        String other = post(application("620503114", idNumber())).then().statusCode(200).extract().path("caseId");
        assertNotEquals(caseId, other);
    }

    @Test
    void monitoringAlertsOpenVerificationCases() {
        Map<String, Object> app = application("620503114", idNumber());
        app.put("channel", "MONITORING");
        app.put("caseType", "VERIFICATION");
        app.put("alert", Map.of("source", "医疗保障局", "reason", "HIGH_MEDICAL_COST", "date", "2026-11-01"));
        String caseId = post(app).then().statusCode(200).extract().path("caseId");
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("type", equalTo("VERIFICATION")).body("alertSource", equalTo("医疗保障局"));
    }

    @Test
    void invalidApplicationsAreRefusedFieldByFieldWithoutEchoingValues() {
        Map<String, Object> app = application("62050X", "123");
        app.put("trackingNumber", null);
        String body = post(app).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("divisionCode"))
                .body("errors.field", hasItem("trackingNumber"))
                .body("errors.field", hasItem("applicant.idNumber"))
                .extract().asString();
        assertTrue(!body.contains("62050X"), body);
    }

    @Test
    void onlyServiceAccountsMayDeliver() {
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON)
                .body(application("620503114", idNumber())).post("/internal/v1/applications")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(application("620503114", idNumber()))
                .post("/internal/v1/applications").then().statusCode(401);
    }

    @Test
    void receiptTellsTheResidentAndIntake() {
        Map<String, Object> app = application("620503114", idNumber());
        String caseId = post(app).then().statusCode(200).extract().path("caseId");
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and destination = "
                + "'notification-service' and event_type = 'RECEIVED'", caseId));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and destination = "
                + "'intake-service' and payload->>'status' = 'RECEIVED'", app.get("applicationId")));
        // the phone in the outbox is still encrypted; only the delivery decrypts it
        assertEquals(0, count("select count(*) from outbox_event where payload::text like '%13812345678%'"));
    }

    @Test
    void satisfactionRepliesAreRecordedOnce() {
        String caseId = post(application("620503114", idNumber())).then().statusCode(200).extract().path("caseId");
        String event = UUID.randomUUID().toString();
        for (int rating : new int[] {5, 1}) {
            given().auth().oauth2(Tokens.notificationService()).contentType(ContentType.JSON)
                    .body(Map.of("eventId", event, "rating", rating, "receivedAt", "2026-12-20T10:00:00+08:00"))
                    .post("/internal/v1/cases/" + caseId + "/satisfaction").then().statusCode(204);
        }
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().body("satisfactionRating", equalTo(5));
        given().auth().oauth2(Tokens.notificationService()).contentType(ContentType.JSON)
                .body(Map.of("eventId", UUID.randomUUID().toString(), "rating", 9, "receivedAt", "2026-12-20T10:00:00+08:00"))
                .post("/internal/v1/cases/" + caseId + "/satisfaction").then().statusCode(400);
    }
}
