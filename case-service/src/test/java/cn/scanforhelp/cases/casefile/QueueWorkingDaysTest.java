package cn.scanforhelp.cases.casefile;

import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue shows each case's working days to its nearest deadline, as its page counts them. */
@QuarkusTest
class QueueWorkingDaysTest {

    @Test
    void aQueueItemCarriesTheWorkingDaysLeftOfItsNearestDeadline() {
        Map<String, Object> app = application("620503114", idNumber());
        String c = open(app);
        Integer inQueue = given().auth().oauth2(Tokens.liqiao()).queryParam("text", app.get("trackingNumber"))
                .get("/api/v1/cases").then().statusCode(200).extract().path("items[0].workingDaysLeft");
        Integer onPage = given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().statusCode(200)
                .extract().path("deadlines.find { it.kind == 'ACCEPTANCE' }.workingDaysLeft");
        assertEquals(onPage, inQueue);
    }
}
