package cn.scanforhelp.cases.casefile;

import static cn.scanforhelp.cases.CaseFixtures.open;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reveal needs a reason, and the reason is in the audit entry. */
@QuarkusTest
class RevealReasonTest {

    @Test
    void theReasonGoesIntoTheAuditEntry() {
        String c = open("620503114");
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON)
                .body(Map.of("reason", "电话核实申请人身份")).post("/api/v1/cases/" + c + "/reveal")
                .then().statusCode(200).body("phone", equalTo("13812345678"));
        given().auth().oauth2(Tokens.officer()).queryParam("caseId", c).get("/api/v1/audit").then().statusCode(200)
                .body("items.findAll { it.action == 'REVEAL' }.detail",
                        hasItem(containsString("reason: 电话核实申请人身份")));
    }

    @Test
    void withoutAReasonTheAnswerIs400NamingTheFieldAndNothingIsShown() {
        String c = open("620503114");
        for (String body : new String[] {"{}", "{\"reason\":\"  \"}"}) {
            given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/cases/" + c + "/reveal").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("reason")).body("errors[0].message", equalTo("必填"))
                    .body(not(containsString("13812345678")));
        }
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).post("/api/v1/cases/" + c + "/reveal")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.liqiao()).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{}").post("/api/v1/cases/" + c + "/reveal").then().statusCode(400)
                .body("errors[0].message", equalTo("Required"));
        given().auth().oauth2(Tokens.officer()).queryParam("caseId", c).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", not(hasItem("REVEAL")));
    }
}
