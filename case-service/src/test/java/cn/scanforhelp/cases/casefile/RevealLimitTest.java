package cn.scanforhelp.cases.casefile;

import static cn.scanforhelp.cases.CaseFixtures.open;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reveals are capped per staff member per day: past the cap the answer is 429 with no personal value, and the
 * district sees the refusal in the audit trail, which an auditor (not one of the people audited) can read.
 */
@QuarkusTest
@TestProfile(RevealLimitTest.SmallLimit.class)
class RevealLimitTest {

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sfh.reveal.daily-limit", "3");
        }
    }

    private static String reviewer(String user) {
        return Tokens.user(user).roles("township-reviewer").division("620503114").sign();
    }

    private static io.restassured.response.ValidatableResponse reveal(String token, String caseId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", "电话核实申请人身份")).post("/api/v1/cases/" + caseId + "/reveal").then();
    }

    @Test
    void theFourthRevealOfTheDayIsRefusedAndTheDistrictIsTold() {
        String c = open("620503114");
        String token = reviewer("limit-a");
        for (int i = 0; i < 3; i++) {
            reveal(token, c).statusCode(200).body("phone", equalTo("13812345678"));
        }
        reveal(token, c).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", containsString("reveal-limit-reached"))
                .body("title", equalTo("今日查看完整个人信息的次数已达上限"))
                .body(not(containsString("13812345678")));
        given().auth().oauth2(Tokens.officer()).queryParam("caseId", c).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItem("REVEAL_REFUSED"))
                .body("items.findAll { it.action == 'REVEAL_REFUSED' }.actor", hasItem("limit-a"));
    }

    @Test
    void theCapIsPerPersonNotPerTownship() {
        String c = open("620503114");
        String first = reviewer("limit-b");
        for (int i = 0; i < 3; i++) {
            reveal(first, c).statusCode(200);
        }
        reveal(first, c).statusCode(429);
        reveal(reviewer("limit-c"), c).statusCode(200);
    }

    @Test
    void anAuditorReadsTheTrailOfTheirDivisionAndNothingElse() {
        String c = open("620503114");
        reveal(reviewer("limit-d"), c).statusCode(200);
        String auditor = Tokens.user("auditor").roles("auditor").division("620503").sign();
        given().auth().oauth2(auditor).queryParam("caseId", c).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItem("REVEAL"));
        given().auth().oauth2(auditor).get("/api/v1/cases/" + c).then().statusCode(403);
        given().auth().oauth2(auditor).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/cases/" + c + "/reveal").then().statusCode(403);
    }

    @Test
    void theEnglishMessageIsEnglish() {
        String c = open("620503114");
        String token = reviewer("limit-e");
        for (int i = 0; i < 3; i++) {
            reveal(token, c).statusCode(200);
        }
        given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("reason", "check")).post("/api/v1/cases/" + c + "/reveal").then().statusCode(429)
                .body("title", equalTo("Daily limit of full personal data views reached"));
    }
}
