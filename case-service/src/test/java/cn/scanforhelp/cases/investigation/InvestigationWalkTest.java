package cn.scanforhelp.cases.investigation;

import static cn.scanforhelp.cases.CaseFixtures.act;
import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.investigation;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.recordInvestigation;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DIBAO and TEKUN (and TEMPORARY) through the investigation record and four eyes: no completion without a record
 * (a new one after an objection), no decision by an investigator, a decision by someone else.
 */
@QuarkusTest
class InvestigationWalkTest {

    static final String LIQIAO = "620503114";

    static String staff(String user) {
        return Tokens.user(user).roles("township-reviewer").division(LIQIAO).sign();
    }

    static String status(String caseId) {
        return given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().extract().path("status");
    }

    /** Accepted and classified; under investigation. */
    static String investigating(String type) {
        String c = open(LIQIAO);
        step(c, Tokens.liqiao(), action("ACCEPT"));
        step(c, Tokens.liqiao(), action("CLASSIFY", "type", type));
        return c;
    }

    static void completeWithoutRecordIsRefused(String c) {
        act(c, Tokens.liqiao(), action("COMPLETE_INVESTIGATION")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:action-guard-investigation-recorded"))
                .body("rule", equalTo("INVESTIGATION_RECORDED"))
                .body("title", containsString("入户调查"))
                .body("allowedActions", not(hasItem("COMPLETE_INVESTIGATION")));
    }

    static void endNotice(String c) {
        sql("update case_file set notice_ends_at = ? where id = ?", TestClock.now().minusMinutes(1), UUID.fromString(c));
    }

    @Test
    void dibaoRecordCompleteNoticeAndApprovalBySomeoneElse() {
        String liqiao = Tokens.liqiao();
        String c = investigating("DIBAO");
        completeWithoutRecordIsRefused(c);
        // liqiao visited with wangwu: she may record it, and may not decide it
        recordInvestigation(c, liqiao, investigation("liqiao", "wangwu")).then().statusCode(201);
        given().auth().oauth2(liqiao).get("/api/v1/cases/" + c).then().body("allowedActions", hasItem("COMPLETE_INVESTIGATION"));
        step(c, liqiao, action("COMPLETE_INVESTIGATION"));
        step(c, liqiao, action("START_PUBLIC_NOTICE"));
        endNotice(c);
        given().auth().oauth2(liqiao).get("/api/v1/cases/" + c).then().body("allowedActions", not(hasItem("APPROVE")))
                .body("allowedActions", not(hasItem("REJECT")));
        act(c, liqiao, action("APPROVE")).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:action-guard-four-eyes"))
                .body("rule", equalTo("FOUR_EYES"))
                .body("title", containsString("调查人员不能审批"));
        act(c, staff("WangWu"), action("REJECT", "reason", "收入超标")).then().statusCode(409)
                .body("rule", equalTo("FOUR_EYES"));
        String zhaoliu = staff("zhaoliu");
        given().auth().oauth2(zhaoliu).get("/api/v1/cases/" + c).then().body("allowedActions", hasItem("APPROVE"));
        step(c, zhaoliu, action("APPROVE", "note", "公示无异议", "amount", 600, "amountReason", "未录入家庭收入，按乡镇核定"));
        given().auth().oauth2(liqiao).get("/api/v1/cases/" + c).then().body("status", equalTo("APPROVED"))
                .body("history.action", hasItem("RECORD_INVESTIGATION"));
    }

    @Test
    void dibaoObjectionNeedsANewRecord() {
        String liqiao = Tokens.liqiao();
        String c = investigating("DIBAO");
        recordInvestigation(c, liqiao, investigation("wangwu", "zhaoliu")).then().statusCode(201);
        step(c, liqiao, action("COMPLETE_INVESTIGATION"));
        step(c, liqiao, action("START_PUBLIC_NOTICE"));
        step(c, liqiao, action("RECORD_OBJECTION", "reason", "邻居反映家中有经营性收入"));
        completeWithoutRecordIsRefused(c);
        recordInvestigation(c, liqiao, investigation("liqiao", "sunqi")).then().statusCode(201);
        step(c, liqiao, action("COMPLETE_INVESTIGATION"));
        step(c, liqiao, action("START_PUBLIC_NOTICE"));
        endNotice(c);
        // every visit counts: zhaoliu investigated the first one
        act(c, staff("zhaoliu"), action("APPROVE")).then().statusCode(409).body("rule", equalTo("FOUR_EYES"));
        act(c, liqiao, action("APPROVE")).then().statusCode(409).body("rule", equalTo("FOUR_EYES"));
        step(c, staff("officer2"), action("APPROVE", "amount", 600, "amountReason", "未录入家庭收入，按乡镇核定"));
        given().auth().oauth2(liqiao).get("/api/v1/cases/" + c + "/investigation").then().statusCode(200)
                .body("records", equalTo(2)).body("investigators.userId", hasItem("sunqi"));
    }

    @Test
    void tekunRecordCompleteNoticeAndApprovalByTheDistrict() {
        String liqiao = Tokens.liqiao();
        String c = investigating("TEKUN");
        completeWithoutRecordIsRefused(c);
        recordInvestigation(c, liqiao, investigation("liqiao", "wangwu")).then().statusCode(201);
        step(c, liqiao, action("COMPLETE_INVESTIGATION"));
        // an investigator cannot reject either, during review or notice
        act(c, liqiao, action("REJECT", "reason", "有法定赡养人")).then().statusCode(409)
                .body("type", equalTo("urn:scan-for-help:problem:action-guard-four-eyes"));
        step(c, liqiao, action("START_PUBLIC_NOTICE"));
        // the notice rule is named first while it runs
        act(c, staff("zhaoliu"), action("APPROVE")).then().statusCode(409).body("rule", equalTo("NOTICE_ENDED"));
        endNotice(c);
        act(c, liqiao, action("APPROVE")).then().statusCode(409).body("rule", equalTo("FOUR_EYES"));
        // the amount is stated: this test must not depend on another test having set the county's support standard
        step(c, Tokens.officer(), action("APPROVE", "amount", 850, "amountReason", "按县特困供养标准"));
        org.junit.jupiter.api.Assertions.assertEquals("APPROVED", status(c));
    }

    @Test
    void temporaryAidIsUnderFourEyesToo() {
        String liqiao = Tokens.liqiao();
        String c = investigating("TEMPORARY");
        recordInvestigation(c, liqiao, investigation("liqiao", "wangwu")).then().statusCode(201);
        step(c, liqiao, action("COMPLETE_INVESTIGATION"));
        act(c, liqiao, action("APPROVE", "amount", 1000)).then().statusCode(409).body("rule", equalTo("FOUR_EYES"));
        step(c, staff("zhaoliu"), action("APPROVE", "amount", 1000));
    }
}
