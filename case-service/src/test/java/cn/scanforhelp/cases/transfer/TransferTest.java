package cn.scanforhelp.cases.transfer;

import static cn.scanforhelp.cases.CaseFixtures.act;
import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.cases.DownstreamResource;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 移交: a resident applied in 利桥镇 but lives in 党川镇. The reviewer transfers the case; it leaves 利桥镇's
 * queue and scope and appears in 党川镇's, with its clocks exactly as they were, and the resident is told
 * by SMS who handles it now. Only a township of the same district inside the service area will do.
 */
@QuarkusTest
class TransferTest {

    static final String LIQIAO = "620503114";
    static final String DANGCHUAN = "620503116";

    @BeforeEach
    void divisions() {
        var wm = DownstreamResource.server();
        wm.stubFor(get(urlEqualTo("/api/v1/divisions/" + DANGCHUAN)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"code":"620503116","name":"党川镇","level":"township","parentCode":"620503",
                         "hotlines":["0938-2731116"],"active":true}""")));
        wm.stubFor(get(urlEqualTo("/api/v1/divisions/620503400")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"code":"620503400","name":"麦积区经济开发区","level":"zone","parentCode":"620503",
                         "hotlines":[],"active":true}""")));
        wm.stubFor(get(urlEqualTo("/api/v1/divisions/620503199")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
    }

    static ValidatableResponse queue(String token, String trackingNumber) {
        return given().auth().oauth2(token).queryParam("text", trackingNumber).get("/api/v1/cases").then()
                .statusCode(200);
    }

    @Test
    void theCaseMovesToTheOtherTownshipWithItsClocksAndTheResidentIsTold() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        step(c, r, action("ACCEPT"));
        var before = given().auth().oauth2(r).get("/api/v1/cases/" + c).then().statusCode(200).extract();
        String tn = before.path("trackingNumber");
        List<Map<String, Object>> clocks = before.path("deadlines");
        Object nextDeadline = before.path("nextDeadline");
        queue(r, tn).body("items.id", hasItem(c));

        act(c, r, action("TRANSFER", "targetDivisionCode", DANGCHUAN, "reason", "申请人户籍和居住地均在党川镇"))
                .then().statusCode(204);

        // gone from 利桥镇: not in its queue, not readable, not actionable
        queue(r, tn).body("items.id", not(hasItem(c)));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then().statusCode(404);
        // in 党川镇's queue, same state, same clocks (not restarted, not paused)
        queue(Tokens.dangchuan(), tn).body("items.id", hasItem(c)).body("items[0].townshipName", equalTo("党川镇"));
        var after = given().auth().oauth2(Tokens.dangchuan()).get("/api/v1/cases/" + c).then().statusCode(200)
                .body("status", equalTo("INVESTIGATION")).body("divisionCode", equalTo(DANGCHUAN))
                .body("townshipName", equalTo("党川镇")).body("hotline", equalTo("0938-2731116"))
                .body("villageCode", equalTo(null))
                .body("history.action", hasItem("TRANSFER")).extract();
        assertEquals(clocks, after.path("deadlines"));
        assertEquals(nextDeadline, after.path("nextDeadline"));

        // the resident hears who handles it now; the old township's audit trail keeps the move
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and destination = "
                + "'notification-service' and event_type = 'TRANSFERRED' and payload->>'townshipName' = '党川镇'"
                + " and payload->>'hotline' = '0938-2731116' and payload->>'trackingNumber' = ?", c, tn));
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'TRANSFER_OUT'"
                + " and division_code = ?", UUID.fromString(c), LIQIAO));
        assertEquals(1, count("select count(*) from case_step where case_id = ? and action = 'TRANSFER'"
                + " and details like '%620503116%'", UUID.fromString(c)));

        // the new township works on: the district officer may send it back
        step(c, Tokens.dangchuan(), action("CLASSIFY", "type", "DIBAO"));
        given().auth().oauth2(Tokens.officer()).contentType("application/json")
                .header("If-Match", cn.scanforhelp.cases.CaseFixtures.etag(c, Tokens.officer()))
                .body(action("TRANSFER", "targetDivisionCode", LIQIAO, "reason", "核实后仍由利桥镇办理"))
                .post("/api/v1/cases/" + c + "/actions").then().statusCode(400); // 利桥镇 not stubbed: unknown
    }

    @Test
    void onlyATownshipOfTheSameAreaWillDo() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        for (String[] bad : new String[][] {
                {"620502101", "division.outside-service-area"}, // another county
                {"621102101", "division.outside-service-area"}, // another city
                {LIQIAO, "transfer-same-township"},
                {"620503199", "transfer-division-unknown"},
                {"620503400", "transfer-not-a-township"}}) {
            act(c, r, action("TRANSFER", "targetDivisionCode", bad[0], "reason", "错报乡镇")).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.find { it.field == 'targetDivisionCode' }.code", equalTo(bad[1]));
        }
        act(c, r, action("TRANSFER", "targetDivisionCode", "6205031160", "reason", "x")).then().statusCode(400);
        act(c, r, action("TRANSFER", "targetDivisionCode", DANGCHUAN)).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        act(c, r, action("TRANSFER", "reason", "x")).then().statusCode(400)
                .body("errors.field", hasItem("targetDivisionCode"));
        given().auth().oauth2(r).get("/api/v1/cases/" + c).then().statusCode(200)
                .body("divisionCode", equalTo(LIQIAO)).body("history.action", not(hasItem("TRANSFER")));
        // after the decision the case stays where it was decided
        step(c, r, action("NOT_ACCEPT", "reason", "不属于本辖区"));
        act(c, r, action("TRANSFER", "targetDivisionCode", DANGCHUAN, "reason", "x")).then().statusCode(409);
    }
}
