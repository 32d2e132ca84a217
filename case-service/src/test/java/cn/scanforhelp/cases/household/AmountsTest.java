package cn.scanforhelp.cases.household;

import static cn.scanforhelp.cases.CaseFixtures.dibaoUnderEndedNotice;
import static cn.scanforhelp.cases.CaseFixtures.investigate;
import static cn.scanforhelp.cases.CaseFixtures.act;
import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The amounts approvals grant: 低保补差 from the household, 特困 standard, temporary aid apart from emergency aid. */
@QuarkusTest
class AmountsTest {

    static final String LIQIAO = "620503114";

    @BeforeEach
    void standards() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("countyCode", "620503", "area", "RURAL", "year", 2025, "monthlyYuan", 500))
                .put("/api/v1/dibao-standards/620503/RURAL/2025").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("countyCode", "620503", "year", 2025, "monthlyYuan", 850))
                .put("/api/v1/support-standards/620503/2025").then().statusCode(200);
    }

    @Test
    void dibaoApprovalGrantsTheGapToTheStandardTimesTheHousehold() {
        String r = Tokens.liqiao();
        String c = dibaoUnderEndedNotice(Tokens.liqiao());
        // shown before approving: (500 − 600 / 2) × 2 = 400 a month
        given().auth().oauth2(r).get("/api/v1/cases/" + c + "/amount").then().statusCode(200)
                .body("monthly", equalTo(true))
                .body("householdSize", equalTo(2))
                .body("perCapitaMonthlyIncomeYuan", equalTo(300.0f))
                .body("standardMonthlyYuan", equalTo(500.0f))
                .body("computedYuan", equalTo(400.0f))
                .body("approvedYuan", nullValue());
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'READ_AMOUNT'",
                UUID.fromString(c)));
        step(c, r, action("APPROVE", "note", "公示无异议"));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then()
                .body("amountYuan", equalTo(400.0f)).body("amountBasis", equalTo("COMPUTED"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and event_type = 'APPROVED'"
                + " and (payload->>'amountYuan')::numeric = 400 and payload->>'payment' = 'MONTHLY'", c));
    }

    @Test
    void anOverrideNeedsAReasonWhichIsKeptEncrypted() {
        String r = Tokens.liqiao();
        String c = dibaoUnderEndedNotice(Tokens.liqiao());
        act(c, r, action("APPROVE", "amount", 450)).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("amountReason"))
                .body("errors[0].message", containsString("理由"));
        String why = "配偶因病本月无收入，按实际收入核定";
        step(c, r, action("APPROVE", "amount", 450, "amountReason", why));
        given().auth().oauth2(r).get("/api/v1/cases/" + c + "/amount").then()
                .body("approvedYuan", equalTo(450.0f)).body("basis", equalTo("OVERRIDDEN"))
                .body("overrideReason", equalTo(why)).body("computedYuan", equalTo(400.0f));
        assertEquals(0, count("select count(*) from case_file where amount_reason_enc like ?", "%" + why + "%"));
        assertEquals(0, count("select count(*) from case_step where case_id = ? and details like ?",
                UUID.fromString(c), "%" + why + "%"));
    }

    @Test
    void dibaoWithoutAHouseholdCannotBeApprovedWithoutAnAmountAndAReason() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        step(c, r, action("ACCEPT"));
        step(c, r, action("CLASSIFY", "type", "DIBAO"));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        step(c, r, action("START_PUBLIC_NOTICE"));
        sql("update case_file set notice_ends_at = ? where id = ?", TestClock.now().minusMinutes(1), UUID.fromString(c));
        act(c, r, action("APPROVE")).then().statusCode(409)
                .body("type", equalTo("urn:scan-for-help:problem:amount-not-computable"))
                .body("detail", containsString("未录入家庭成员和收入"));
    }

    @Test
    void tekunApprovalRecordsTheSupportStandard() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        step(c, r, action("ACCEPT"));
        step(c, r, action("CLASSIFY", "type", "TEKUN"));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        step(c, r, action("START_PUBLIC_NOTICE"));
        sql("update case_file set notice_ends_at = ? where id = ?", TestClock.now().minusMinutes(1), UUID.fromString(c));
        given().auth().oauth2(r).get("/api/v1/cases/" + c + "/amount").then()
                .body("computedYuan", equalTo(850.0f)).body("monthly", equalTo(true));
        step(c, r, action("APPROVE"));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then()
                .body("amountYuan", equalTo(850.0f)).body("amountBasis", equalTo("COMPUTED"));
    }

    @Test
    void approvalKeepsTheEmergencyAidAmount() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        step(c, r, action("GRANT_EMERGENCY_AID", "amount", 500));
        step(c, r, action("ACCEPT"));
        step(c, r, action("CLASSIFY", "type", "TEMPORARY"));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        step(c, r, action("APPROVE", "amount", 2000));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then()
                .body("emergencyAidYuan", equalTo(500.0f))
                .body("amountYuan", equalTo(2000.0f))
                .body("amountBasis", equalTo("ENTERED"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and event_type = 'EMERGENCY_AID'"
                + " and (payload->>'amountYuan')::numeric = 500", c));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and event_type = 'APPROVED'"
                + " and (payload->>'amountYuan')::numeric = 2000 and (payload->>'emergencyAidYuan')::numeric = 500"
                + " and payload->>'payment' = 'ONE_OFF'", c));
    }
}
