package cn.scanforhelp.cases.casefile;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.etag;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A step rehearsed: its SMS as the real step would make it, and nothing of it left behind. */
@QuarkusTest
class ActionRehearsalTest {

    static final String LIQIAO = "620503114";

    static Response rehearse(String caseId, String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(caseId, token))
                .body(body).post("/api/v1/cases/" + caseId + "/actions/rehearsal");
    }

    static long left(String caseId) {
        UUID id = UUID.fromString(caseId);
        return count("select count(*) from case_step where case_id = ?", id)
                + count("select count(*) from audit_log where case_id = ? and action = 'ACTION'", id)
                + count("select count(*) from outbox_event where aggregate_id = ?", caseId);
    }

    @Test
    void acceptancesSmsCarriesTheDecisionDeadlineTheStepSetsAndNothingStays() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        step(c, r, action("CLASSIFY", "type", "DIBAO"));
        String version = etag(c, r);
        long before = left(c);

        String deadline = rehearse(c, r, action("ACCEPT", "note", "材料齐全")).then().statusCode(200)
                .body("noSms", nullValue())
                .body("sms.type", equalTo("ACCEPTED"))
                .body("sms.trackingNumber", equalTo(given().auth().oauth2(r).get("/api/v1/cases/" + c).path("trackingNumber")))
                .body("sms.townshipName", equalTo("利桥镇"))
                .body("sms.phone", nullValue())
                .extract().path("sms.deadline");

        assertEquals(version, etag(c, r), "the case is as it was");
        assertEquals(before, left(c), "no step, no audit entry, no event");
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then().body("status", equalTo("RECEIVED"));

        step(c, r, action("ACCEPT", "note", "材料齐全"));
        String decisionDue = given().auth().oauth2(r).get("/api/v1/cases/" + c).then()
                .extract().path("deadlines.find { it.kind == 'DECISION' }.dueOn");
        assertEquals(decisionDue, deadline, "the SMS says the decision's due date, which only the step knows");
    }

    @Test
    void theStepsOwnRefusalsComeBackAndTheMaterialsSmsHasItsDueDate() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        rehearse(c, r, action("REQUEST_MATERIALS")).then().statusCode(400)
                .body("errors.field", hasItem("materials"));
        rehearse(c, r, action("REQUEST_MATERIALS", "materials", List.of("户口簿复印件"))).then().statusCode(200)
                .body("sms.type", equalTo("MATERIALS_REQUESTED"))
                .body("sms.materials", equalTo(List.of("户口簿复印件")))
                .body("sms.materialsDueOn", org.hamcrest.Matchers.notNullValue());
        rehearse(c, r, action("APPROVE")).then().statusCode(409);
        given().auth().oauth2(r).contentType(ContentType.JSON).header("If-Match", "\"999\"")
                .body(action("ACCEPT")).post("/api/v1/cases/" + c + "/actions/rehearsal").then().statusCode(412);
        given().auth().oauth2(Tokens.dangchuan()).contentType(ContentType.JSON).header("If-Match", etag(c, r))
                .body(action("ACCEPT")).post("/api/v1/cases/" + c + "/actions/rehearsal").then().statusCode(404);
    }

    @Test
    void aStepWithoutAnSmsAndAnApplicantWithoutAMobileSayWhy() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        rehearse(c, r, action("CLASSIFY", "type", "DIBAO")).then().statusCode(200)
                .body("sms", nullValue()).body("noSms", equalTo("NO_EVENT"));

        Map<String, Object> landline = application(LIQIAO, idNumber());
        landline.put("applicant", Map.of("name", "王小五", "idNumber", idNumber()));
        String noMobile = open(landline);
        rehearse(noMobile, r, action("ACCEPT")).then().statusCode(200)
                .body("sms", nullValue()).body("noSms", equalTo("NO_PHONE"));
    }
}
