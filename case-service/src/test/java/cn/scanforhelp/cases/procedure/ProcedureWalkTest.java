package cn.scanforhelp.cases.procedure;

import static cn.scanforhelp.cases.CaseFixtures.act;
import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.investigate;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each case type through its procedure, as a reviewer would click it. */
@QuarkusTest
class ProcedureWalkTest {

    static final String LIQIAO = "620503114";

    static String status(String caseId) {
        return given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().path("status");
    }

    static long events(String caseId, String type) {
        return count("select count(*) from outbox_event where aggregate_id = ? and destination = 'notification-service'"
                + " and event_type = ?", caseId, type);
    }

    @Test
    void dibaoWithMaterialsNoticeObjectionAndApproval() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        step(c, r, action("REQUEST_MATERIALS", "materials", List.of("户口簿复印件", "医院诊断证明")));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then()
                .body("status", equalTo("MATERIALS_REQUESTED"))
                .body("deadlines.find { it.kind == 'ACCEPTANCE' }.state", equalTo("PAUSED"));
        step(c, r, action("RECEIVE_MATERIALS"));
        step(c, r, action("CLASSIFY", "type", "DIBAO"));
        step(c, r, action("ACCEPT", "note", "材料齐全"));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then()
                .body("status", equalTo("INVESTIGATION"))
                .body("deadlines.find { it.kind == 'DECISION' }.days", equalTo(30))
                .body("deadlines.find { it.kind == 'ACCEPTANCE' }.state", equalTo("MET"));
        step(c, r, action("EXTEND", "reason", "需要补充核对车辆信息"));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then()
                .body("deadlines.find { it.kind == 'DECISION' }.days", equalTo(45))
                .body("allowedActions", not(hasItem("EXTEND")));
        act(c, r, action("EXTEND", "reason", "again")).then().statusCode(409)
                .body("type", equalTo("urn:scan-for-help:problem:action-guard-not-yet-extended"));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        step(c, r, action("START_PUBLIC_NOTICE"));
        // the notice runs 7 days: no approval before it ends
        act(c, r, action("APPROVE")).then().statusCode(409)
                .body("type", equalTo("urn:scan-for-help:problem:action-guard-notice-ended"))
                .body("allowedActions", not(hasItem("APPROVE")));
        // an objection reopens the investigation; approval needs a new notice
        step(c, r, action("RECORD_OBJECTION", "reason", "邻居反映家中有经营性收入"));
        assertEquals("INVESTIGATION", status(c));
        act(c, r, action("APPROVE")).then().statusCode(409).body("state", equalTo("INVESTIGATION"));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        step(c, r, action("START_PUBLIC_NOTICE"));
        sql("update case_file set notice_ends_at = ? where id = ?", TestClock.now().minusMinutes(1), UUID.fromString(c));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then().body("noticeEnded", equalTo(true))
                .body("allowedActions", hasItem("APPROVE"));
        step(c, r, action("APPROVE", "note", "公示无异议", "amount", 600, "amountReason", "未录入家庭收入，按乡镇核定"));
        step(c, r, action("CLOSE"));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then().body("status", equalTo("CLOSED"))
                .body("history.action", hasItems("RECEIVE", "REQUEST_MATERIALS", "ACCEPT", "EXTEND",
                        "RECORD_OBJECTION", "APPROVE", "CLOSE"));
        for (String e : List.of("RECEIVED", "MATERIALS_REQUESTED", "ACCEPTED", "EXTENDED", "APPROVED", "CLOSED")) {
            assertEquals(1, events(c, e), e);
        }
        assertEquals(2, events(c, "PUBLIC_NOTICE"));
    }

    @Test
    void tekunRejectedDuringNotice() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        step(c, r, action("ACCEPT"));
        step(c, r, action("CLASSIFY", "type", "TEKUN"));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then()
                .body("deadlines.find { it.kind == 'DECISION' }.days", equalTo(20));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        step(c, r, action("START_PUBLIC_NOTICE"));
        act(c, r, action("REJECT")).then().statusCode(400).body("errors.field", hasItem("reason"));
        step(c, r, action("REJECT", "reason", "有法定赡养人且具备赡养能力", "reasonCategory", "HAS_SUPPORTER"));
        assertEquals("REJECTED", status(c));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and event_type = 'REJECTED'"
                + " and payload->>'reasonCategory' = 'HAS_SUPPORTER'", c));
    }

    @Test
    void temporaryAidUrgentWithEmergencyAidAndNoNotice() {
        String r = Tokens.liqiao();
        Map<String, Object> app = application(LIQIAO, idNumber());
        app.put("urgent", true);
        String c = open(app);
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then()
                .body("deadlines.find { it.kind == 'EMERGENCY_AID' }.days", equalTo(1));
        act(c, r, action("GRANT_EMERGENCY_AID")).then().statusCode(400).body("errors.field", hasItem("amount"));
        step(c, r, action("GRANT_EMERGENCY_AID", "amount", 500));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then()
                .body("deadlines.find { it.kind == 'EMERGENCY_AID' }.state", equalTo("MET"))
                .body("allowedActions", not(hasItem("GRANT_EMERGENCY_AID")));
        step(c, r, action("CLASSIFY", "type", "TEMPORARY"));
        step(c, r, action("ACCEPT"));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        act(c, r, action("START_PUBLIC_NOTICE")).then().statusCode(409);
        act(c, r, action("APPROVE")).then().statusCode(400).body("errors.field", hasItem("amount"));
        step(c, r, action("APPROVE", "amount", 2000));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then().body("status", equalTo("APPROVED"))
                .body("amountYuan", equalTo(2000.0f));
        assertEquals(1, events(c, "EMERGENCY_AID"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and event_type = 'APPROVED'"
                + " and (payload->>'amountYuan')::numeric = 2000", c));
    }

    @Test
    void referredTypesGoToTheDepartmentAndTheOutcomeClosesTheCase() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        step(c, r, action("ACCEPT"));
        step(c, r, action("CLASSIFY", "type", "MEDICAL"));
        act(c, r, action("COMPLETE_INVESTIGATION")).then().statusCode(409);
        act(c, r, action("REFER", "department", "某某局")).then().statusCode(400)
                .body("errors.code", hasItem("department-unknown"));
        step(c, r, action("REFER", "department", "医疗保障局"));
        assertEquals("REFERRED", status(c));
        // one department: its outcome answers the referral and closes the case (several wait for all: ReferralTasksTest)
        step(c, r, action("RECORD_REFERRAL_OUTCOME", "outcome", "已纳入医疗救助，报销 8000 元"));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then().body("status", equalTo("CLOSED"))
                .body("department", equalTo("医疗保障局"))
                .body("referralOutcome", equalTo("已纳入医疗救助，报销 8000 元"))
                .body("referrals[0].department", equalTo("医疗保障局")).body("referrals[0].state", equalTo("DONE"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and event_type = 'REFERRED'"
                + " and payload->>'department' = '医疗保障局'", c));
    }

    @Test
    void verificationFindingNothingIsClosed() {
        String r = Tokens.liqiao();
        Map<String, Object> app = application(LIQIAO, idNumber());
        app.put("channel", "MONITORING");
        app.put("caseType", "VERIFICATION");
        String c = open(app);
        step(c, r, action("ACCEPT"));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        step(c, r, action("CLOSE", "note", "入户核查：收入稳定，无需救助"));
        assertEquals("CLOSED", status(c));
    }

    @Test
    void verificationTurnsIntoTemporaryAid() {
        String r = Tokens.liqiao();
        Map<String, Object> app = application(LIQIAO, idNumber());
        app.put("channel", "MONITORING");
        app.put("caseType", "VERIFICATION");
        String c = open(app);
        step(c, r, action("ACCEPT"));
        step(c, r, action("CLASSIFY", "type", "TEMPORARY"));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        step(c, r, action("APPROVE", "amount", 1500));
        assertEquals("APPROVED", status(c));
    }

    @Test
    void notAcceptedAndWithdrawn() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        act(c, r, action("NOT_ACCEPT")).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        act(c, r, action("REQUEST_MATERIALS", "materials", List.of())).then().statusCode(400)
                .body("errors.field", hasItem("materials"));
        step(c, r, action("NOT_ACCEPT", "reason", "非本辖区户籍"));
        assertEquals("NOT_ACCEPTED", status(c));
        assertEquals(1, events(c, "NOT_ACCEPTED"));
        String w = open(LIQIAO);
        step(w, r, action("ACCEPT"));
        step(w, r, action("WITHDRAW", "note", "申请人电话撤回"));
        assertEquals("WITHDRAWN", status(w));
        assertEquals(1, count("select count(*) from outbox_event where destination = 'intake-service'"
                + " and payload->>'caseId' = ? and payload->>'status' = 'WITHDRAWN'", w));
    }

    @Test
    void classifyNeedsARealType() {
        String c = open(LIQIAO);
        act(c, Tokens.liqiao(), action("CLASSIFY")).then().statusCode(400).body("errors.field", hasItem("type"));
        act(c, Tokens.liqiao(), action("CLASSIFY", "type", "UNCLASSIFIED")).then().statusCode(400)
                .body("errors.code", hasItem("type-unclassified"));
        act(c, Tokens.liqiao(), action("CLASSIFY", "type", "NONSENSE")).then().statusCode(400);
    }

    @Test
    void hotlineOperatorsAndAdminsMayNotActOrRead() {
        String c = open(LIQIAO);
        String etag = given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().extract().header("ETag");
        for (String token : List.of(Tokens.operator(), Tokens.admin())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(action("ACCEPT")).post("/api/v1/cases/" + c + "/actions").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/cases/" + c).then().statusCode(403);
        }
        // the district officer acts across the county
        step(c, Tokens.officer(), action("ACCEPT"));
    }

    @Test
    void theIntakeStatusSequenceGrowsWithEachStatusChange() {
        Map<String, Object> app = application(LIQIAO, idNumber());
        String c = open(app);
        step(c, Tokens.liqiao(), action("ACCEPT"));
        step(c, Tokens.liqiao(), action("CLASSIFY", "type", "DIBAO"));
        assertEquals(2, count("select count(*) from outbox_event where destination = 'intake-service' and aggregate_id = ?",
                app.get("applicationId")));
        assertEquals(1, count("select count(*) from outbox_event where destination = 'intake-service' and aggregate_id = ?"
                + " and payload->>'status' = 'ACCEPTED' and (payload->>'sequence')::int = 2", app.get("applicationId")));
    }
}
