package cn.scanforhelp.cases.intake;

import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** intake's relay delivers applications in batches: each gets its own result, as if delivered alone. */
@QuarkusTest
class ReceiveBatchTest {

    static final String PATH = "/internal/v1/applications/batch";

    static Response postBatch(Object body) {
        return given().auth().oauth2(Tokens.intakeService()).contentType(ContentType.JSON).body(body).post(PATH);
    }

    static Map<String, Object> again(Map<String, Object> app) {
        Map<String, Object> copy = new HashMap<>(app);
        copy.put("eventId", UUID.randomUUID().toString()); // the relay's retry carries a new event id
        return copy;
    }

    @Test
    void eachApplicationOfABatchGetsItsOwnResultAndNothingIsRecordedTwice() {
        // received before, one at a time: an application, and a person's open case
        Map<String, Object> earlier = application("620503114", idNumber());
        String earlierAnswer = post(earlier).then().statusCode(200).extract().asString();
        String known = idNumber();
        String knownCase = post(application("620503116", known)).then().statusCode(200).extract().path("caseId");

        String person = idNumber();
        Map<String, Object> first = application("620503114", person);
        Map<String, Object> sameAgain = again(first);
        Map<String, Object> samePersonLater = application("620503114", person);
        samePersonLater.put("channel", "HOTLINE");
        Map<String, Object> invalid = application("62050X", "123");
        Map<String, Object> wrongType = application("620503114", idNumber());
        wrongType.put("urgent", "sometimes");
        Map<String, Object> knownPerson = application("620503116", known);
        List<Map<String, Object>> batch = List.of(first, sameAgain, again(earlier), samePersonLater, invalid,
                wrongType, knownPerson);

        long stats = count("select coalesce(sum(cases), 0) from case_stats where grain = 'Y'");
        String body = postBatch(batch).then().statusCode(200).contentType(ContentType.JSON)
                .body("results", hasSize(7))
                .body("results.status", equalTo(List.of(200, 200, 200, 200, 400, 400, 200)))
                .extract().asString();
        JsonPath results = JsonPath.from(body);
        String opened = results.getString("results[0].body.caseId");
        assertNull(results.get("results[0].body.linkedToCaseId"));
        assertEquals(results.getMap("results[0].body"), results.getMap("results[1].body"), "a repeat answers the same");
        assertEquals(JsonPath.from(earlierAnswer).getMap("$"), results.getMap("results[2].body"));
        assertEquals(opened, results.getString("results[3].body.caseId"), "the person's second application is linked");
        assertEquals(opened, results.getString("results[3].body.linkedToCaseId"));
        assertEquals("urn:scan-for-help:problem:validation-failed", results.getString("results[4].problem"));
        assertNull(results.get("results[4].body"));
        assertEquals(knownCase, results.getString("results[6].body.linkedToCaseId"), "linked to the open case in the database");
        assertFalse(body.contains("62050X"), "an invalid item's values are not echoed");

        // one case for the person, two applications on it; one new case in the statistics
        UUID caseId = UUID.fromString(opened);
        assertEquals(1, count("select count(*) from case_application where application_id = ?",
                UUID.fromString((String) first.get("applicationId"))));
        assertEquals(2, count("select count(*) from case_application where case_id = ?", caseId));
        assertEquals(2, count("select count(*) from case_application where case_id = ?", UUID.fromString(knownCase)));
        assertEquals(0, count("select count(*) from case_application where application_id in (?, ?)",
                UUID.fromString((String) invalid.get("applicationId")), UUID.fromString((String) wrongType.get("applicationId"))));
        assertEquals(stats + 1, count("select coalesce(sum(cases), 0) from case_stats where grain = 'Y'"));
        // the notices: an SMS for the receipt and the status to the application that opened the case; the
        // linked one tells nobody anything until a reviewer confirms it (DuplicateLinkTest)
        assertEquals(1, count("select count(*) from outbox_event where destination = 'notification-service' "
                + "and aggregate_id = ? and event_type = 'RECEIVED'", opened));
        assertEquals(1, count("select count(*) from outbox_event where destination = 'intake-service' "
                + "and aggregate_id = ?", first.get("applicationId")));
        assertEquals(0, count("select count(*) from outbox_event where destination = "
                + "'intake-service' and aggregate_id = ?", samePersonLater.get("applicationId")));
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'RECEIVE'", caseId));
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'LINK_DUPLICATE'", caseId));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + opened).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("applications", hasSize(2))
                .body("history.action", hasItems("RECEIVE", "LINK_DUPLICATE"))
                .body("deadlines.kind", hasItem("ACCEPTANCE"));

        // the whole batch again (the relay retries after a lost answer): the same answers, no new rows
        long cases = count("select count(*) from case_file");
        long events = count("select count(*) from outbox_event");
        long audit = count("select count(*) from audit_log");
        List<Map<String, Object>> retried = new ArrayList<>();
        batch.forEach(a -> retried.add(again(a)));
        JsonPath second = postBatch(retried).then().statusCode(200).extract().jsonPath();
        for (int i : new int[] {0, 1, 2, 3, 6}) {
            assertEquals(results.getMap("results[" + i + "].body"), second.getMap("results[" + i + "].body"));
        }
        assertEquals(cases, count("select count(*) from case_file"));
        assertEquals(events, count("select count(*) from outbox_event"));
        assertEquals(audit, count("select count(*) from audit_log"));
    }

    @Test
    void urgentAndMonitoringApplicationsGetTheirClocksAndTypeAsWhenDeliveredAlone() {
        Map<String, Object> urgent = application("620503114", idNumber());
        urgent.put("urgent", true);
        Map<String, Object> alert = application("620503114", idNumber());
        alert.put("channel", "MONITORING");
        alert.put("applicant", Map.of("name", "王大明", "idNumber", idNumber()));
        JsonPath r = postBatch(List.of(urgent, alert)).then().statusCode(200).extract().jsonPath();
        String urgentCase = r.getString("results[0].body.caseId");
        String alertCase = r.getString("results[1].body.caseId");
        assertNotEquals(urgentCase, alertCase);
        String alone = post(application("620503114", idNumber())).then().statusCode(200).extract().path("caseId");
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + urgentCase).then().statusCode(200)
                .body("deadlines.kind", hasItems("ACCEPTANCE", "EMERGENCY_AID"));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + alertCase).then().statusCode(200)
                .body("type", equalTo("VERIFICATION")).body("deadlines.kind", equalTo(List.of("ACCEPTANCE")));
        // the queue's nearest deadline as the one-at-a-time receipt sets it (emergency aid: 1 working day)
        assertEquals(1, count("select count(*) from case_file u join case_file a on a.id = ? where u.id = ? "
                + "and u.next_due_on < a.next_due_on", UUID.fromString(alone), UUID.fromString(urgentCase)));
        assertEquals(1, count("select count(*) from case_file a join case_file b on b.id = ? where a.id = ? "
                + "and a.next_due_on = b.next_due_on and a.next_at_risk_on is not distinct from b.next_at_risk_on",
                UUID.fromString(alone), UUID.fromString(alertCase)));
        // no phone, no SMS; the status still goes to intake
        assertEquals(0, count("select count(*) from outbox_event where aggregate_id = ? and destination = "
                + "'notification-service'", alertCase));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and destination = "
                + "'intake-service'", alert.get("applicationId")));
    }

    @Test
    void anApplicationTheDatabaseRefusesDoesNotHoldBackTheOthers() {
        // two different applications with one tracking number: the unique index refuses the second case, which
        // fails the batch's transaction; each is then received on its own
        Map<String, Object> a = application("620503114", idNumber());
        Map<String, Object> clash = application("620503114", idNumber());
        clash.put("trackingNumber", a.get("trackingNumber"));
        Map<String, Object> c = application("620503116", idNumber());
        postBatch(List.of(a, clash, c)).then().statusCode(200)
                .body("results.status", equalTo(List.of(200, 500, 200)))
                .body("results[1].body", equalTo(null));
        assertEquals(1, count("select count(*) from case_application where application_id = ?",
                UUID.fromString((String) a.get("applicationId"))));
        assertEquals(0, count("select count(*) from case_application where application_id = ?",
                UUID.fromString((String) clash.get("applicationId"))));
        assertEquals(1, count("select count(*) from case_application where application_id = ?",
                UUID.fromString((String) c.get("applicationId"))));
        assertEquals(1, count("select count(*) from inbox_event where event_id = ?",
                UUID.fromString((String) c.get("eventId"))));
        assertEquals(0, count("select count(*) from inbox_event where event_id = ?",
                UUID.fromString((String) clash.get("eventId"))));
    }

    @Test
    void anEmptyOrOversizedBatchIsRefusedAsAWhole() {
        long cases = count("select count(*) from case_file");
        postBatch(List.of()).then().statusCode(400).contentType("application/problem+json");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            Map<String, Object> a = application("620503114", idNumber());
            a.put("description", null); // small enough for the body limit: the count is what is refused
            a.put("villageName", null);
            tooMany.add(a);
        }
        postBatch(tooMany).then().statusCode(400).contentType("application/problem+json");
        postBatch(application("620503114", idNumber())).then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(cases, count("select count(*) from case_file"));
    }

    @Test
    void onlyServiceAccountsMayDeliverBatches() {
        List<Map<String, Object>> batch = List.of(application("620503114", idNumber()));
        given().contentType(ContentType.JSON).body(batch).post(PATH).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(batch).post(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, count("select count(*) from case_application where application_id = ?",
                UUID.fromString((String) batch.get(0).get("applicationId"))));
    }
}
