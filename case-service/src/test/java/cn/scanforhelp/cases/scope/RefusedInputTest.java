package cn.scanforhelp.cases.scope;

import static cn.scanforhelp.cases.CaseFixtures.open;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known parameters with values they cannot have are refused with the field named, not ignored;
 * a township role on a division that is not a township sees nothing.
 */
@QuarkusTest
class RefusedInputTest {

    @ParameterizedTest
    @CsvSource({"escalated,maybe", "escalated,1", "status,BOGUS", "type,dibao", "deadlineState,LATE",
        "page,abc", "page,99999999999", "size,1.5"})
    void anInvalidQueueParameterIs400NamingIt(String field, String value) {
        given().auth().oauth2(Tokens.officer()).queryParam(field, value).get("/api/v1/cases").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:validation-failed"))
                .body("errors[0].field", equalTo(field))
                .body(not(containsString(value.length() > 2 ? value : "\u0000")));
    }

    @Test
    void validQueueParametersStillWork() {
        given().auth().oauth2(Tokens.officer()).queryParam("escalated", "true").queryParam("status", "RECEIVED")
                .get("/api/v1/cases").then().statusCode(200);
        given().auth().oauth2(Tokens.officer()).queryParam("escalated", "").get("/api/v1/cases").then().statusCode(200);
    }

    @Test
    void statisticsFromAfterToIs400() {
        for (String path : new String[] {"/api/v1/statistics", "/api/v1/statistics/export.csv",
            "/api/v1/statistics/export.xlsx"}) {
            given().auth().oauth2(Tokens.officer()).queryParam("from", "2026-03-02").queryParam("to", "2026-03-01")
                    .header("Accept-Language", "en").get(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("from"))
                    .body("errors[0].code", equalTo("date-range"))
                    .body("errors[0].message", equalTo("The start date must not be after the end date"));
        }
        given().auth().oauth2(Tokens.officer()).queryParam("from", "2026-03-01").queryParam("to", "2026-03-01")
                .get("/api/v1/statistics").then().statusCode(200);
    }

    @ParameterizedTest
    @CsvSource({"from,2026-13-01", "to,yesterday", "from,20260301"})
    void aStatisticsDateThatIsNotADateIs400(String field, String value) {
        given().auth().oauth2(Tokens.officer()).queryParam(field, value).get("/api/v1/statistics").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo("date"));
    }

    @Test
    void aTownshipReviewerOnAProvinceSeesNoQueueCaseOrStatistics() {
        String c = open("620503114");
        String province = Tokens.user("liqiao").roles("township-reviewer").division("62").sign();
        for (String path : new String[] {"/api/v1/cases", "/api/v1/cases/" + c, "/api/v1/statistics",
            "/api/v1/statistics/export.csv"}) {
            given().auth().oauth2(province).get(path).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:scan-for-help:problem:township-role-needs-township"))
                    .body("title", equalTo("乡镇角色须配置乡镇区划"));
        }
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().statusCode(200);
        given().auth().oauth2(Tokens.officer()).get("/api/v1/cases/" + c).then().statusCode(200);
    }
}
