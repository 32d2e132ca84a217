package cn.scanforhelp.cases.duplicate;

import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The operator's duplicate warning: township and status of an open case, nothing about the person; audited. */
@QuarkusTest
class OpenCaseCheckTest {

    @Test
    void anOpenCaseOfTheIdNumberIsNamedByTownshipAndStatusOnly() {
        String id = idNumber();
        open(application("620503116", id));
        long audited = count("select count(*) from audit_log where action = 'CHECK_OPEN_CASES'");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("idNumber", id))
                .post("/api/v1/open-cases/check").then().statusCode(200).body("$", hasSize(1))
                .body("[0].townshipName", equalTo("党川镇")).body("[0].status", equalTo("RECEIVED"))
                .body(not(containsString("张"))).body(not(containsString(id.substring(6, 14))));
        Assertions.assertEquals(audited + 1, count("select count(*) from audit_log where action = 'CHECK_OPEN_CASES'"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("idNumber", idNumber()))
                .post("/api/v1/open-cases/check").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void onlyOperatorsAskAndABadNumberIsAProblem() {
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(Map.of("idNumber", idNumber()))
                .post("/api/v1/open-cases/check").then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("idNumber", "12"))
                .post("/api/v1/open-cases/check").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("idNumber"));
    }

    @Test
    void aCaseWithoutAMobileSaysCallBack() {
        Map<String, Object> app = new HashMap<>(application("620503114", idNumber()));
        app.put("channel", "HOTLINE");
        app.put("applicant", Map.of("name", "张小三", "idNumber", idNumber()));
        String caseId = open(app);
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("contact", equalTo("CALL_BACK")).body("channel", equalTo("HOTLINE"));
        String withPhone = open(application("620503114", idNumber()));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + withPhone).then().statusCode(200)
                .body("contact", equalTo("SMS"));
    }
}
