package cn.scanforhelp.cases.household;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.etag;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HouseholdTest {

    static Map<String, Object> household(String memberId, int income1, int income2) {
        return Map.of("area", "RURAL", "members", List.of(
                Map.of("relation", "本人", "name", "张小三", "idNumber", memberId, "age", 46, "health", "慢性肾病",
                        "monthlyIncomeYuan", income1),
                Map.of("relation", "配偶", "name", "李小梅", "age", 44, "work", "务农", "monthlyIncomeYuan", income2)),
                "assets", List.of(Map.of("kind", "存款", "valueYuan", 3000)));
    }

    @Test
    void perCapitaIncomeAgainstTheStandardIsAHint() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("countyCode", "620503", "area", "RURAL", "year", 2025, "monthlyYuan", 500))
                .put("/api/v1/dibao-standards/620503/RURAL/2025").then().statusCode(200);
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON)
                .body(Map.of("countyCode", "620503", "area", "RURAL", "year", 2025, "monthlyYuan", 1))
                .put("/api/v1/dibao-standards/620503/RURAL/2025").then().statusCode(403);
        String c = open("620503114");
        String memberId = idNumber();
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(household(memberId, 0, 600))
                .put("/api/v1/cases/" + c + "/household").then().statusCode(428);
        String etag = etag(c, Tokens.liqiao());
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(household(memberId, 0, 600)).put("/api/v1/cases/" + c + "/household").then().statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("members.size()", equalTo(2))
                .body("members[0].name", equalTo("张*三"))
                .body("members[0].idNumber", equalTo(memberId.substring(0, 6) + "********" + memberId.substring(14)))
                .body("hint.perCapitaMonthlyIncomeYuan", equalTo(300.0f))
                .body("hint.standardMonthlyYuan", equalTo(500.0f))
                .body("hint.belowStandard", equalTo(true))
                .body("totalAssetsYuan", equalTo(3000.0f));
        // a stale ETag is refused
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(household(memberId, 2000, 600)).put("/api/v1/cases/" + c + "/household").then().statusCode(412);
        // recording the household decides nothing
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().body("status", equalTo("RECEIVED"))
                .body("householdSize", equalTo(2)).body("history.action", hasItem("RECORD_HOUSEHOLD"));
        assertEquals(0, count("select count(*) from household_member where id_number_enc like ?", "%" + memberId + "%"));
        given().auth().oauth2(Tokens.dangchuan()).get("/api/v1/cases/" + c + "/household").then().statusCode(404);
    }

    @Test
    void withoutAStandardThereIsNoComparisonAndAfterTheDecisionNoChange() {
        String c = open("620503114");
        Map<String, Object> body = Map.of("area", "URBAN", "members", List.of(Map.of("relation", "本人", "name", "王五",
                "monthlyIncomeYuan", 100)));
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag(c, Tokens.liqiao()))
                .body(body).put("/api/v1/cases/" + c + "/household").then().statusCode(200)
                .body("hint.belowStandard", nullValue());
        step(c, Tokens.liqiao(), action("NOT_ACCEPT", "reason", "不符合条件"));
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag(c, Tokens.liqiao()))
                .body(body).put("/api/v1/cases/" + c + "/household").then().statusCode(409);
    }
}
