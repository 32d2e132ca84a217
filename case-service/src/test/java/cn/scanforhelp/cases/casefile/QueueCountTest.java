package cn.scanforhelp.cases.casefile;

import static cn.scanforhelp.cases.CaseFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The queue counts up to 10,000 matching cases and says "more" beyond; a short page needs no count. */
@QuarkusTest
class QueueCountTest {

    @Test
    void moreThanTenThousandIsCappedAndSaysSo() {
        // 10,001 closed cases of a division no other test uses (as a bulk import would write them)
        sql("""
                insert into case_file (id, tracking_number, channel, division_code, type, status, received_at, closed_at)
                select gen_random_uuid(), 'Q' || lpad(g::text, 9, '0'), 'QR', '620503199', 'DIBAO', 'CLOSED',
                       timestamptz '2022-05-01 09:00+08' + g * interval '1 minute', now()
                  from generate_series(1, 10001) g""");
        try {
            String officer = Tokens.officer();
            given().auth().oauth2(officer).queryParam("division", "620503199").get("/api/v1/cases").then()
                    .statusCode(200).body("items.size()", equalTo(20)).body("total", equalTo(10000))
                    .body("totalCapped", equalTo(true));
            // the last page is short: its position is the exact total
            given().auth().oauth2(officer).queryParam("division", "620503199").queryParam("size", 100)
                    .queryParam("page", 100).get("/api/v1/cases").then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("total", equalTo(10001)).body("totalCapped", equalTo(false))
                    .body("items[0].trackingNumber", equalTo("Q000010001"));
            // past the end: counted
            given().auth().oauth2(officer).queryParam("division", "620503199").queryParam("page", 600).get("/api/v1/cases")
                    .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(10000))
                    .body("totalCapped", equalTo(true));
            // under the cap: exact, with filters
            given().auth().oauth2(officer).queryParam("division", "620503199").queryParam("text", "Q000000007")
                    .get("/api/v1/cases").then().statusCode(200).body("total", equalTo(1))
                    .body("totalCapped", equalTo(false));
            given().auth().oauth2(officer).queryParam("division", "620503199").queryParam("status", "RECEIVED")
                    .queryParam("page", 3).get("/api/v1/cases").then().statusCode(200).body("total", equalTo(0))
                    .body("totalCapped", equalTo(false));
        } finally {
            sql("delete from case_file where division_code = '620503199'");
        }
    }
}
