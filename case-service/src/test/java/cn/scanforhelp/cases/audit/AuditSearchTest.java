package cn.scanforhelp.cases.audit;

import static cn.scanforhelp.cases.CaseFixtures.open;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The audit search: by person, case, tracking number, kind and day, a page at a time; bounded filters. */
@QuarkusTest
class AuditSearchTest {

    private static RequestSpecification officer() {
        return given().auth().oauth2(Tokens.officer());
    }

    @Test
    void findsAPersonsReadsAndRevealsByCaseKindAndDay() {
        String user = "search-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.user(user).roles("township-reviewer").division("620503114").sign();
        String c = open("620503114");
        String other = open("620503114");
        String tracking = given().auth().oauth2(token).get("/api/v1/cases/" + c).then().statusCode(200)
                .extract().path("trackingNumber");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("reason", "电话核实身份"))
                .post("/api/v1/cases/" + c + "/reveal").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/cases/" + other).then().statusCode(200);

        officer().queryParam("actor", user).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("READ", "REVEAL", "READ"))
                .body("items.actor", everyItem(equalTo(user)))
                .body("items[1].trackingNumber", equalTo(tracking))
                .body("items[1].detail", containsString("电话核实身份"))
                .body("hasMore", equalTo(false));
        officer().queryParam("actor", user).queryParam("action", "REVEAL").get("/api/v1/audit").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].caseId", equalTo(c));
        // by tracking number, lower case as typed: the case's entries only, the intake's RECEIVE included
        officer().queryParam("trackingNumber", tracking.toLowerCase()).get("/api/v1/audit").then().statusCode(200)
                .body("items.caseId", everyItem(equalTo(c)))
                .body("items.action", contains("REVEAL", "READ", "RECEIVE"));
        String today = TestClock.today().toString();
        officer().queryParam("actor", user).queryParam("from", today).queryParam("to", today).get("/api/v1/audit")
                .then().statusCode(200).body("items", hasSize(3));
        officer().queryParam("actor", user).queryParam("from", TestClock.today().plusDays(1).toString())
                .get("/api/v1/audit").then().statusCode(200).body("items", empty());
        officer().queryParam("actor", user).queryParam("to", TestClock.today().minusDays(1).toString())
                .get("/api/v1/audit").then().statusCode(200).body("items", empty());
        // a page at a time
        officer().queryParam("actor", user).queryParam("limit", 2).get("/api/v1/audit").then().statusCode(200)
                .body("items", hasSize(2)).body("hasMore", equalTo(true)).body("page", equalTo(0));
        officer().queryParam("actor", user).queryParam("limit", 2).queryParam("page", 1).get("/api/v1/audit").then()
                .statusCode(200).body("items.action", contains("READ")).body("hasMore", equalTo(false));
        // the auditor reads the trail too; a township reviewer of another township's scope sees none of 620503114's
        given().auth().oauth2(Tokens.user("auditor").roles("auditor").division("620503").sign())
                .queryParam("actor", user).get("/api/v1/audit").then().statusCode(200).body("items", hasSize(3));
        given().auth().oauth2(Tokens.user("auditor2").roles("auditor").division("620503116").sign())
                .queryParam("actor", user).get("/api/v1/audit").then().statusCode(200).body("items", empty());
    }

    @ParameterizedTest
    @CsvSource({"trackingNumber,K7-QM", "action,read", "limit,501", "limit,0", "page,1001", "page,-1",
        "from,2026-13-01", "to,yesterday"})
    void aFilterOutOfBoundsIs400InChinese(String field, String value) {
        officer().queryParam(field, value).get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("title", equalTo("提交的内容有误"));
    }

    @Test
    void fromAfterToIs400() {
        officer().queryParam("from", "2026-03-02").queryParam("to", "2026-03-01").get("/api/v1/audit").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from")).body("errors[0].code", equalTo("date-range"));
    }

    @Test
    void anActorLongerThan255Is400() {
        officer().queryParam("actor", "a".repeat(256)).get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("actor"));
    }
}
