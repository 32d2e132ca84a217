package cn.scanforhelp.intake.window;

import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.intake.application.Channel;
import cn.scanforhelp.intake.casehandoff.CaseApplicationPayload;
import cn.scanforhelp.intake.casehandoff.HandoffPayloads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The township's walk-in window (一门受理): channel WINDOW, recorded by the clerk, one application per form. */
@QuarkusTest
class WindowApplicationTest {

    @Inject
    AgroalDataSource db;
    @Inject
    HandoffPayloads payloads;

    static String body(String division, String id, String phone, String material) {
        return """
                {"application":{"divisionCode":"%s","applicant":{"name":"王大明","idNumber":"%s","phone":"%s"},
                 "difficulty":"HOUSING","description":"房屋漏雨","consent":true,"householdSize":2},
                 "inPerson":true,"idSeen":true,"materialsReceived":["户口簿"," %s ","","户口簿"]}"""
                .formatted(division, id, phone, material);
    }

    @Test
    void theClerkRecordsAWindowApplicationWithWhatTheCounterSaw() throws Exception {
        String material = "材料-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = given().auth().oauth2(Tokens.chuangkou()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body("620503114201", idNumber(), phone(), material)).post("/api/v1/window/applications");
        r.then().statusCode(201).body("townshipName", equalTo("利桥镇")).body("replayed", equalTo(false))
                .body("statusUrl", equalTo("http://localhost:8081/s?t=" + r.path("trackingNumberDisplay")))
                .body("materialsReceived", equalTo(List.of("户口簿", material)));
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select channel, consent_recorded_by, counter_in_person, counter_id_seen, counter_materials "
                        + "from application where id = ?::uuid")) {
            ps.setString(1, r.path("applicationId"));
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            assertEquals("WINDOW", rs.getString(1));
            assertEquals("chuangkou", rs.getString(2));
            assertTrue(rs.getBoolean(3));
            assertTrue(rs.getBoolean(4));
            assertEquals("户口簿\n" + material, rs.getString(5));
        }
        // the receipt's content, for the clerk's township only; no personal value in it
        given().auth().oauth2(Tokens.chuangkou()).get("/api/v1/window/applications/" + r.path("trackingNumberDisplay")
                + "/receipt").then().statusCode(200).body("trackingNumber", equalTo(r.path("trackingNumber")))
                .body("statusUrl", equalTo(r.path("statusUrl"))).body("hotlines", equalTo(r.path("hotlines")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("王大明")));
        given().auth().oauth2(Tokens.dangchuan()).get("/api/v1/window/applications/" + r.path("trackingNumber")
                + "/receipt").then().statusCode(404).contentType("application/problem+json");
        CaseApplicationPayload p = payloads.build(UUID.fromString(r.path("applicationId")), UUID.randomUUID());
        assertEquals("WINDOW", p.channel());
        assertEquals(new CaseApplicationPayload.Counter("chuangkou", true, true, List.of("户口簿", material)), p.counter());
    }

    @Test
    void aRepeatedSubmitOfTheSameFormCreatesOneApplication() throws Exception {
        String key = UUID.randomUUID().toString();
        String material = "重复-" + UUID.randomUUID().toString().substring(0, 8);
        String body = body("620503114", idNumber(), phone(), material);
        Response first = given().auth().oauth2(Tokens.chuangkou()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post("/api/v1/window/applications");
        first.then().statusCode(201);
        given().auth().oauth2(Tokens.chuangkou()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/window/applications").then().statusCode(201)
                .body("applicationId", equalTo(first.path("applicationId")))
                .body("trackingNumber", equalTo(first.path("trackingNumber"))).body("replayed", equalTo(true));
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from application where channel = 'WINDOW' and counter_materials like ?")) {
            ps.setString(1, "%" + material);
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
        // the same key with another body is the client's mistake, not a second application
        given().auth().oauth2(Tokens.chuangkou()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body("620503114", idNumber(), phone(), material)).post("/api/v1/window/applications").then()
                .statusCode(422).contentType("application/problem+json");
    }

    @Test
    void noPerPhoneOrPerAddressLimitForTheSignedInClerk() {
        String phone = phone(); // the QR channel allows 5 a day from one phone, 20 per address in 10 minutes
        for (int i = 0; i < 7; i++) {
            given().auth().oauth2(Tokens.chuangkou()).contentType(ContentType.JSON)
                    .body(body("620503114", idNumber(), phone, "户口簿")).post("/api/v1/window/applications").then()
                    .statusCode(201);
        }
    }

    @Test
    void aTownshipReviewerMayUseTheWindowButOnlyInTheirTownship() {
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON)
                .body(body("620503114", idNumber(), phone(), "户口簿")).post("/api/v1/window/applications").then()
                .statusCode(201);
        given().auth().oauth2(Tokens.chuangkou()).contentType(ContentType.JSON)
                .body(body("620503116", idNumber(), phone(), "户口簿")).post("/api/v1/window/applications").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("application.divisionCode"))
                .body("errors.code", hasItem("division.out-of-scope"));
    }

    @Test
    void otherRolesAndAClerkWithoutATownshipAreRefused() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(body("620503114", idNumber(), phone(), "户口簿")).post("/api/v1/window/applications").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.user("clerk62").roles("window-clerk").division("62").sign())
                .contentType(ContentType.JSON).body(body("620503114", idNumber(), phone(), "户口簿"))
                .post("/api/v1/window/applications").then().statusCode(403)
                .body("type", equalTo("urn:scan-for-help:problem:township-role-needs-township"));
        given().contentType(ContentType.JSON).body(body("620503114", idNumber(), phone(), "户口簿"))
                .post("/api/v1/window/applications").then().statusCode(401);
    }

    @Test
    void badInputIsAChineseProblemNamingEveryField() {
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(21, "\"x\"")).replace("\"x\"", "\"%s\"") + "]";
        Object[] items = new Object[21];
        for (int i = 0; i < 21; i++) {
            items[i] = "材料" + i;
        }
        given().auth().oauth2(Tokens.chuangkou()).contentType(ContentType.JSON)
                .body("{\"application\":{\"divisionCode\":\"620503114\",\"applicant\":{\"name\":\"\"},\"consent\":false},"
                        + "\"materialsReceived\":" + tooMany.formatted(items) + "}")
                .post("/api/v1/window/applications").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("materialsReceived")).body("errors.field", hasItem("application.applicant.name"))
                .body("errors.field", hasItem("application.consent"));
        given().auth().oauth2(Tokens.chuangkou()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/window/applications").then().statusCode(400).body("errors.field", hasItem("application"));
        assertTrue(Channel.WINDOW.staffRecorded() && Channel.HOTLINE.staffRecorded() && !Channel.QR.staffRecorded()
                && !Channel.MONITORING.staffRecorded());
    }
}
