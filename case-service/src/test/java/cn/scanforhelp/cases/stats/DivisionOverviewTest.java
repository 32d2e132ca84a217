package cn.scanforhelp.cases.stats;

import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard's figures per township: scoped, equal to the queue's totals, a city sees its counties. */
@QuarkusTest
class DivisionOverviewTest {

    /** A case of a township no other test uses, made overdue by moving its nearest deadline to yesterday. */
    static String overdueCase(String division, String township) {
        Map<String, Object> app = application(division, idNumber());
        app.put("townshipName", township);
        String c = open(app);
        sql("update case_file set next_due_on = ?, next_at_risk_on = ? where id = ?", TestClock.today().minusDays(1),
                TestClock.today().minusDays(3), UUID.fromString(c));
        return c;
    }

    @Test
    void perTownshipScopedAndEqualToTheQueue() {
        overdueCase("620503105", "洛门镇");
        open(application("620503105", idNumber()));
        // another county of 天水市 (秦州区): sfh.service-area admits 620503 only, so a case is moved there as a
        // transfer would (the statistics triggers follow the division)
        String qinzhou = overdueCase("620503105", "皂郊镇");
        sql("update case_file set division_code = '620502101' where id = ?", UUID.fromString(qinzhou));

        given().auth().oauth2(Tokens.officer()).get("/api/v1/statistics/divisions").then().statusCode(200)
                .body("divisionCode", everyItem(startsWith("620503")))
                .body("divisionCode", not(hasItem("620502101")))
                .body("find { it.divisionCode == '620503105' }.overdue", equalTo(1))
                .body("find { it.divisionCode == '620503105' }.onTrack", equalTo(1))
                .body("find { it.divisionCode == '620503105' }.atRisk", equalTo(0))
                .body("find { it.divisionCode == '620503105' }.townshipName", equalTo("洛门镇"));
        // the same number as the queue's total for that township and state
        given().auth().oauth2(Tokens.officer()).queryParam("division", "620503105")
                .queryParam("deadlineState", "OVERDUE").get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(1));
        // and the counters narrowed the same way (the console's queue filtered to a township)
        given().auth().oauth2(Tokens.officer()).queryParam("division", "620503105")
                .get("/api/v1/cases/deadline-counts").then().statusCode(200)
                .body("overdue", equalTo(1)).body("onTrack", equalTo(1)).body("atRisk", equalTo(0));
        given().auth().oauth2(Tokens.liqiao()).queryParam("division", "620503105")
                .get("/api/v1/cases/deadline-counts").then().statusCode(200).body("overdue", equalTo(0));
        given().auth().oauth2(Tokens.officer()).queryParam("division", "62x")
                .get("/api/v1/cases/deadline-counts").then().statusCode(400);

        // a township reviewer sees only the township
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/statistics/divisions").then().statusCode(200)
                .body("divisionCode", everyItem(equalTo("620503114")));
        // a city-level officer (6205) sees the townships of every county of the city
        String city = Tokens.user("city").roles("district-officer").division("6205").sign();
        given().auth().oauth2(city).get("/api/v1/statistics/divisions").then().statusCode(200)
                .body("divisionCode", hasItem("620503105")).body("divisionCode", hasItem("620502101"))
                .body("find { it.divisionCode == '620502101' }.overdue", equalTo(1));
        // other roles: 403
        given().auth().oauth2(Tokens.operator()).get("/api/v1/statistics/divisions").then().statusCode(403);
        given().get("/api/v1/statistics/divisions").then().statusCode(401);
    }
}
