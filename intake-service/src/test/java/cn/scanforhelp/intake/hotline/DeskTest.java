package cn.scanforhelp.intake.hotline;

import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.hotline.HotlineTest.application;
import static cn.scanforhelp.intake.hotline.HotlineTest.call;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.scanforhelp.infra.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The operator's desk in intake: outcomes, landline callers, canned answers, follow-ups, today's calls, drafts. */
@QuarkusTest
class DeskTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aLandlineCallersApplicationWithoutAMobileIsAcceptedAndFoundByTheLandline() throws Exception {
        String landline = "0938-" + phone().substring(4);
        String id = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(call(landline, "620503114", "APPLICATION", application("620503114", idNumber())))
                .post("/api/v1/hotline/calls").then().statusCode(201).body("trackingNumber", notNullValue())
                .extract().path("applicationId");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select phone, phone_hash, channel from application where id = ?::uuid")) {
            ps.setString(1, id);
            ResultSet rs = ps.executeQuery();
            Assertions.assertTrue(rs.next());
            Assertions.assertNull(rs.getString(1), "a landline is not an applicant's phone");
            Assertions.assertNull(rs.getString(2));
            Assertions.assertEquals("HOTLINE", rs.getString(3));
        }
        // the next call from that landline finds the application taken on it
        given().auth().oauth2(Tokens.operator()).queryParam("phone", landline).get("/api/v1/hotline/calls").then()
                .statusCode(200).body("applications", hasSize(1)).body("applications[0].applicationId", equalTo(id))
                .body("calls[0].trackingNumber", notNullValue());
    }

    @Test
    void aQRApplicationStillNeedsAMobile() {
        given().contentType(ContentType.JSON).body("""
                {"divisionCode":"620503114","applicant":{"name":"王大明","idNumber":"%s"},"difficulty":"DISABILITY",
                 "description":"腿脚不便","consent":true}""".formatted(idNumber()))
                .post("/api/v1/applications").then().statusCode(400)
                .body("errors.field", hasItem("applicant.phone"));
    }

    @Test
    void aQuestionIsRecordedWithTheCannedAnswerRead() {
        List<String> ids = given().auth().oauth2(Tokens.operator()).get("/api/v1/hotline/answers").then()
                .statusCode(200).extract().path("id");
        Assertions.assertFalse(ids.isEmpty(), "the district's seeded answers reach a district operator");
        String body = call(phone(), "620503114", "QUESTION", null);
        body = body.substring(0, body.length() - 1) + ",\"cannedAnswerId\":\"" + ids.get(0) + "\"}";
        String callId = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/hotline/calls").then().statusCode(201).body("applicationId", nullValue())
                .extract().path("callId");
        given().auth().oauth2(Tokens.operator()).get("/api/v1/hotline/calls/today").then().statusCode(200)
                .body("find { it.callId == '" + callId + "' }.cannedAnswerId", equalTo(ids.get(0)))
                .body("find { it.callId == '" + callId + "' }.outcome", equalTo("QUESTION"));
        String unknown = body.replace(ids.get(0), "00000000-0000-0000-0000-000000000001");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(unknown)
                .post("/api/v1/hotline/calls").then().statusCode(400).body("errors.field", hasItem("cannedAnswerId"));
    }

    @Test
    void aComplaintLeavesAFollowUpUntilSomeoneClosesIt() {
        String callId = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(call(phone(), "620503114", "COMPLAINT", null)).post("/api/v1/hotline/calls").then()
                .statusCode(201).extract().path("callId");
        given().auth().oauth2(Tokens.operator()).get("/api/v1/hotline/follow-ups").then().statusCode(200)
                .body("callId", hasItem(callId)).body("find { it.callId == '" + callId + "' }.followUp", equalTo("OPEN"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"result\":\"\"}")
                .post("/api/v1/hotline/calls/" + callId + "/follow-up/close").then().statusCode(400);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"result\":\"已电话回复来电人\"}")
                .post("/api/v1/hotline/calls/" + callId + "/follow-up/close").then().statusCode(200)
                .body("followUp", equalTo("CLOSED"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"result\":\"再次\"}")
                .post("/api/v1/hotline/calls/" + callId + "/follow-up/close").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).get("/api/v1/hotline/follow-ups").then().statusCode(200)
                .body("callId", org.hamcrest.Matchers.not(hasItem(callId)));
        // the name before the desk still means the same
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(call(phone(), "620503114", "REFERRAL", null)).post("/api/v1/hotline/calls").then().statusCode(201);
    }

    @Test
    void aDraftIsKeptPerOperatorEncryptedAndDropped() throws Exception {
        String other = Tokens.user("op-2").roles("hotline-operator").division("620503").sign();
        given().auth().oauth2(Tokens.operator()).delete("/api/v1/hotline/draft").then().statusCode(204);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"payload\":\"{\\\"callerPhone\\\":\\\"13900001111\\\"}\"}").put("/api/v1/hotline/draft")
                .then().statusCode(204);
        given().auth().oauth2(Tokens.operator()).get("/api/v1/hotline/draft").then().statusCode(200)
                .body("payload", equalTo("{\"callerPhone\":\"13900001111\"}"));
        given().auth().oauth2(other).get("/api/v1/hotline/draft").then().statusCode(204);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select payload_enc from hotline_draft where operator = 'operator'")) {
            ResultSet rs = ps.executeQuery();
            Assertions.assertTrue(rs.next());
            Assertions.assertFalse(rs.getString(1).contains("13900001111"));
        }
        given().auth().oauth2(Tokens.operator()).delete("/api/v1/hotline/draft").then().statusCode(204);
        given().auth().oauth2(Tokens.operator()).get("/api/v1/hotline/draft").then().statusCode(204);
    }

    @Test
    void districtOfficersMaintainTheAnswersOperatorsCannot() {
        String id = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"title\":\"临时救助\",\"body\":\"遇到突发困难可申请临时救助。\"}").post("/api/v1/hotline/answers")
                .then().statusCode(201).body("divisionCode", equalTo("620503")).extract().path("id");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"body\":\"y\"}").post("/api/v1/hotline/answers").then().statusCode(403);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"title\":\"临时救助\",\"body\":\"遇到突发困难可申请临时救助。\",\"retired\":true}")
                .put("/api/v1/hotline/answers/" + id).then().statusCode(200).body("retired", equalTo(true));
        given().auth().oauth2(Tokens.operator()).get("/api/v1/hotline/answers").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"title\":\"\",\"body\":\"\"}")
                .post("/api/v1/hotline/answers").then().statusCode(400).body("errors", hasSize(2));
    }
}
