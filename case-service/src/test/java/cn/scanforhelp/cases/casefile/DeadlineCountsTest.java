package cn.scanforhelp.cases.casefile;

import static cn.scanforhelp.cases.CaseFixtures.open;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The queue's counters in one call: the same numbers as the queue filtered by each deadline state, scoped. */
@QuarkusTest
class DeadlineCountsTest {

    private static long queueTotal(String token, String state) {
        return given().auth().oauth2(token).queryParam("deadlineState", state).queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void theCountsAreTheQueuesTotalsPerDeadlineState() {
        open("620503114");
        open("620503116");
        for (String token : new String[] {Tokens.liqiao(), Tokens.dangchuan(), Tokens.officer()}) {
            JsonPath counts = given().auth().oauth2(token).get("/api/v1/cases/deadline-counts").then().statusCode(200)
                    .contentType("application/json").extract().jsonPath();
            assertEquals(queueTotal(token, "ON_TRACK"), counts.getLong("onTrack"));
            assertEquals(queueTotal(token, "AT_RISK"), counts.getLong("atRisk"));
            assertEquals(queueTotal(token, "OVERDUE"), counts.getLong("overdue"));
        }
        long township = given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/deadline-counts").then()
                .extract().jsonPath().getLong("onTrack");
        long district = given().auth().oauth2(Tokens.officer()).get("/api/v1/cases/deadline-counts").then()
                .extract().jsonPath().getLong("onTrack");
        org.junit.jupiter.api.Assertions.assertTrue(district > township, district + " > " + township);
    }

    @Test
    void withoutATokenIs401AndAnOperatorIs403() {
        given().get("/api/v1/cases/deadline-counts").then().statusCode(401);
        given().auth().oauth2(Tokens.operator()).get("/api/v1/cases/deadline-counts").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }
}
