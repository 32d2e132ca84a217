package cn.scanforhelp.cases.referral;

import static cn.scanforhelp.cases.CaseFixtures.act;
import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.etag;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.cases.casefile.Escalation;
import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A medical case referred (转办) to two departments: each referral has its own due date in working days, is
 * acknowledged and done on its own; one left unanswered goes overdue when the clock passes its due date and
 * escalates the case to the district; the case closes only when both departments have answered.
 */
@QuarkusTest
class ReferralTasksTest {

    static final String LIQIAO = "620503114";
    static final String MEDICAL = "医疗保障局";
    static final String HOUSING = "住房和城乡建设局";

    @Inject
    Escalation escalation;

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    static ValidatableResponse referral(String caseId, String path, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON)
                .header("If-Match", etag(caseId, Tokens.liqiao())).body(body)
                .post("/api/v1/cases/" + caseId + "/referrals" + path).then();
    }

    static ValidatableResponse read(String caseId) {
        return given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().statusCode(200);
    }

    static String idOf(String caseId, String department) {
        return read(caseId).extract().path("referrals.find { it.department == '%s' }.id".formatted(department));
    }

    @Test
    void twoDepartmentsOneOverdueAndEscalatedTheCaseClosesWhenBothAreDone() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        // not referred yet: no department can be added
        referral(c, "", Map.of("department", HOUSING)).statusCode(409)
                .body("type", equalTo("urn:scan-for-help:problem:referral-case-not-referred"));
        step(c, r, action("ACCEPT"));
        step(c, r, action("CLASSIFY", "type", "MEDICAL"));
        step(c, r, action("REFER", "department", MEDICAL));

        // a second department, with its own limit (sfh.referral.due-days: MEDICAL 10, HOUSING 15 working days)
        referral(c, "", Map.of("department", "某某局")).statusCode(400)
                .body("errors.code", hasItem("department-unknown"));
        referral(c, "", Map.of()).statusCode(400);
        referral(c, "", Map.of("department", HOUSING, "note", "房屋倒塌，需危房改造")).statusCode(200)
                .body("referrals.department", equalTo(java.util.List.of(MEDICAL, HOUSING)))
                .body("referrals.state", equalTo(java.util.List.of("SENT", "SENT")))
                .body("referrals.days", equalTo(java.util.List.of(10, 15)));
        referral(c, "", Map.of("department", HOUSING)).statusCode(409)
                .body("type", equalTo("urn:scan-for-help:problem:referral-already-open"));
        String medical = idOf(c, MEDICAL);
        String housing = idOf(c, HOUSING);
        LocalDate medicalDue = LocalDate.parse(read(c).extract().path("referrals[0].dueOn"));
        LocalDate housingDue = LocalDate.parse(read(c).extract().path("referrals[1].dueOn"));
        assertTrue(medicalDue.isBefore(housingDue));

        // housing acknowledges in time (a repeat changes nothing); medical says nothing
        referral(c, "/" + housing + "/acknowledge", Map.of("note", "电话确认")).statusCode(200)
                .body("referrals.find { it.department == '住房和城乡建设局' }.state", equalTo("ACKNOWLEDGED"));
        referral(c, "/" + housing + "/acknowledge", Map.of()).statusCode(200);
        assertEquals(1, count("select count(*) from case_step where case_id = ? and action = 'ACKNOWLEDGE_REFERRAL'",
                UUID.fromString(c)));
        referral(c, "/" + UUID.randomUUID() + "/acknowledge", Map.of()).statusCode(404);
        given().auth().oauth2(Tokens.dangchuan()).get("/api/v1/cases/" + c + "/referrals").then().statusCode(404);

        // the case cannot close while two referrals are open
        act(c, r, action("RECORD_REFERRAL_OUTCOME", "outcome", "已办结")).then().statusCode(409)
                .body("type", equalTo("urn:scan-for-help:problem:action-guard-all-referrals-done"));
        read(c).body("allowedActions", not(hasItem("RECORD_REFERRAL_OUTCOME")));

        // the day after the medical referral's due date: it goes overdue and the case goes to the district
        TestClock.set(medicalDue.plusDays(1).atTime(10, 0));
        assertTrue(escalation.escalateReferrals(TestClock.now()) >= 1); // other tests' referrals may be due too
        assertEquals(0, escalation.escalateReferrals(TestClock.now()), "once");
        read(c).body("referrals.find { it.department == '医疗保障局' }.state", equalTo("OVERDUE"))
                .body("referrals.find { it.department == '住房和城乡建设局' }.state", equalTo("ACKNOWLEDGED"))
                .body("escalatedAt", org.hamcrest.Matchers.notNullValue())
                .body("history.action", hasItem("ESCALATE_REFERRAL"));
        given().auth().oauth2(Tokens.officer()).queryParam("escalated", "true").queryParam("text",
                (String) read(c).extract().path("trackingNumber")).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", hasItem(c));
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'ESCALATE_REFERRAL'"
                + " and division_code = ?", UUID.fromString(c), LIQIAO));

        // medical answers late; housing's answer needs an outcome
        referral(c, "/" + medical + "/done", Map.of("outcome", "已纳入医疗救助，报销 8000 元")).statusCode(200)
                .body("referrals.find { it.department == '医疗保障局' }.state", equalTo("DONE"))
                .body("referrals.find { it.department == '医疗保障局' }.met", equalTo(false));
        referral(c, "/" + medical + "/done", Map.of("outcome", "again")).statusCode(409)
                .body("type", equalTo("urn:scan-for-help:problem:referral-done"));
        referral(c, "/" + housing + "/done", Map.of()).statusCode(400).body("errors.field", hasItem("outcome"));
        read(c).body("allowedActions", hasItem("RECORD_REFERRAL_OUTCOME"));

        // one left: the outcome answers it and closes the case
        step(c, r, action("RECORD_REFERRAL_OUTCOME", "outcome", "医疗救助已报销，危房改造已立项"));
        read(c).body("referrals.find { it.department == '住房和城乡建设局' }.state", equalTo("DONE"))
                .body("referrals.find { it.department == '住房和城乡建设局' }.met", equalTo(true));
        read(c).body("status", equalTo("CLOSED"));
        assertEquals(2, count("select count(*) from audit_log where case_id = ? and action = 'COMPLETE_REFERRAL'"
                + " and detail not like '%8000%'", UUID.fromString(c)), "outcomes stay out of the audit detail");
    }
}
