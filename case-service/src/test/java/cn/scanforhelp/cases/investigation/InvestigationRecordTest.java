package cn.scanforhelp.cases.investigation;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.etag;
import static cn.scanforhelp.cases.CaseFixtures.investigation;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.recordInvestigation;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The investigation record: what it must hold, when it may be made, that it is encrypted and its reads audited. */
@QuarkusTest
class InvestigationRecordTest {

    static String investigating() {
        String c = open("620503114");
        step(c, Tokens.liqiao(), action("ACCEPT"));
        step(c, Tokens.liqiao(), action("CLASSIFY", "type", "DIBAO"));
        return c;
    }

    @Test
    void oneInvestigatorIsNotEnough() {
        String c = investigating();
        recordInvestigation(c, Tokens.liqiao(), investigation("liqiao")).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("investigators"))
                .body("errors.find { it.field == 'investigators' }.message", equalTo("至少需要两名不同的调查人员"));
        // the same person twice is still one
        recordInvestigation(c, Tokens.liqiao(), investigation("liqiao", " LiQiao ")).then().statusCode(400)
                .body("errors.field", hasItem("investigators"))
                .body("errors.find { it.field == 'investigators' }.message", equalTo("至少需要两名不同的调查人员"));
        assertEquals(0, count("select count(*) from investigation_record where case_id = ?", UUID.fromString(c)));
    }

    @Test
    void whatTheRecordMustHold() {
        String c = investigating();
        Map<String, Object> future = investigation("liqiao", "wangwu");
        future.put("visitDate", TestClock.today().plusDays(1).toString());
        recordInvestigation(c, Tokens.liqiao(), future).then().statusCode(400).body("errors.field", hasItem("visitDate"));
        Map<String, Object> confirmed = investigation("liqiao", "wangwu");
        confirmed.put("householdConfirmed", true);
        recordInvestigation(c, Tokens.liqiao(), confirmed).then().statusCode(400)
                .body("errors.field", hasItem("householdConfirmed"));
        Map<String, Object> noIncome = investigation("liqiao", "wangwu");
        noIncome.remove("monthlyIncomeYuan");
        noIncome.remove("findings");
        recordInvestigation(c, Tokens.liqiao(), noIncome).then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> negative = investigation("liqiao", "wangwu");
        negative.put("monthlyIncomeYuan", Map.of("wage", -1, "netBusiness", 0, "netProperty", 0, "netTransfer", 0));
        recordInvestigation(c, Tokens.liqiao(), negative).then().statusCode(400);
        // without If-Match: 428
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(investigation("liqiao", "wangwu"))
                .post("/api/v1/cases/" + c + "/investigation").then().statusCode(428);
    }

    @Test
    void theHouseholdAsRecordedIsConfirmed() {
        String c = investigating();
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag(c, Tokens.liqiao()))
                .body(Map.of("area", "RURAL", "members", List.of(
                        Map.of("relation", "本人", "name", "张小三", "monthlyIncomeYuan", 0),
                        Map.of("relation", "配偶", "name", "李小梅", "monthlyIncomeYuan", 600))))
                .put("/api/v1/cases/" + c + "/household").then().statusCode(200);
        Map<String, Object> body = investigation("liqiao", "wangwu");
        body.put("householdConfirmed", true);
        body.put("householdNote", "与登记一致");
        recordInvestigation(c, Tokens.liqiao(), body).then().statusCode(201).header("ETag", not(equalTo(null)))
                .body("householdConfirmed", equalTo(true)).body("householdMembers", equalTo(2))
                .body("monthlyIncomeYuan.wage", equalTo(600))
                .body("monthlyIncomeYuan.netBusiness", equalTo(120.5f))
                .body("monthlyIncomeYuan.total", equalTo(870.5f))
                .body("investigators.userId", equalTo(List.of("liqiao", "wangwu")))
                .body("investigators.name", hasItem("调查员wangwu"))
                .body("recordedBy", equalTo("liqiao")).body("records", equalTo(1));
    }

    @Test
    void onlyDuringTheInvestigation() {
        String c = open("620503114");
        recordInvestigation(c, Tokens.liqiao(), investigation("liqiao", "wangwu")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:investigation-not-open"))
                .body("state", equalTo("RECEIVED"));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c + "/investigation").then().statusCode(404)
                .contentType("application/problem+json");
        // another township's case does not exist for 党川镇's reviewer
        step(c, Tokens.liqiao(), action("ACCEPT"));
        given().auth().oauth2(Tokens.dangchuan()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(investigation("dangchuan", "wangwu")).post("/api/v1/cases/" + c + "/investigation").then()
                .statusCode(404);
    }

    @Test
    void incomesFindingsAndNotesAreCiphertextAndReadsAreAudited() throws Exception {
        String c = investigating();
        Map<String, Object> body = investigation("liqiao", "wangwu");
        body.put("findings", "独居老人欧阳明月，右腿截肢");
        body.put("assets", "宅基地一处，存款八千元");
        body.put("householdNote", "女儿远嫁新疆");
        body.put("monthlyIncomeYuan", Map.of("wage", 1234.56, "netBusiness", 0, "netProperty", 0, "netTransfer", 789));
        recordInvestigation(c, Tokens.liqiao(), body).then().statusCode(201);
        try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = db.prepareStatement("select * from investigation_record where case_id = ?")) {
            ps.setObject(1, UUID.fromString(c));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                StringBuilder all = new StringBuilder();
                for (String col : List.of("household_note_enc", "wage_income_enc", "business_income_enc",
                        "property_income_enc", "transfer_income_enc", "assets_enc", "findings_enc")) {
                    String v = rs.getString(col);
                    assertTrue(v.startsWith("k1:2:"), col + " stored bound ciphertext");
                    all.append(v);
                }
                for (String clear : List.of("欧阳明月", "截肢", "八千", "新疆", "1234.56", "789")) {
                    assertFalse(all.toString().contains(clear), clear);
                }
            }
        }
        long before = count("select count(*) from audit_log where case_id = ? and action = 'READ_INVESTIGATION'"
                + " and actor = 'officer'", UUID.fromString(c));
        given().auth().oauth2(Tokens.officer()).get("/api/v1/cases/" + c + "/investigation").then().statusCode(200)
                .body("findings", equalTo("独居老人欧阳明月，右腿截肢"))
                .body("monthlyIncomeYuan.wage", equalTo(1234.56f));
        assertEquals(before + 1, count("select count(*) from audit_log where case_id = ? and action = 'READ_INVESTIGATION'"
                + " and actor = 'officer'", UUID.fromString(c)));
        // the timeline names the staff, not the incomes or findings
        assertEquals(0, count("select count(*) from case_step where case_id = ? and (details like '%截肢%'"
                + " or details like '%1234%')", UUID.fromString(c)));
        assertEquals(0, count("select count(*) from audit_log where case_id = ? and (detail like '%截肢%'"
                + " or detail like '%1234%')", UUID.fromString(c)));
    }
}
