package cn.scanforhelp.intake.application;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Management;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmitApplicationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void validApplicationIsAcceptedWithTrackingNumberAndStoredEncrypted() throws Exception {
        String id = idNumber();
        String phone = phone();
        Response r = resident().body(application(id, phone)).post("/api/v1/applications");
        r.then().statusCode(202)
                .header("Location", containsString("/api/v1/applications/"))
                .body("trackingNumber", matchesPattern("^[2-9A-HJKMNP-TV-Y]{11}$"))
                .body("status", equalTo("RECEIVED"));
        String tn = r.path("trackingNumber");
        assertTrue(TrackingNumbers.normalize(tn) != null, "check symbol valid");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id_number, phone, applicant_name, cipher_key_id, consent_version, channel from application where tracking_number = ?")) {
            ps.setString(1, tn);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            assertFalse(rs.getString(1).contains(id.substring(6, 14)), "ID number not in clear");
            assertFalse(rs.getString(2).contains(phone.substring(3)), "phone not in clear");
            assertFalse(rs.getString(3).contains("张小三"), "name not in clear");
            assertEquals("k1", rs.getString(4));
            assertEquals("2026-11", rs.getString(5));
            assertEquals("QR", rs.getString(6));
        }
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        resident().body("""
                {"divisionCode":"620502001","applicant":{"name":"","idNumber":"620503198001011230","phone":"12345"},
                 "difficulty":"FLOOD","description":"x","consent":false,"householdSize":0,"posterCode":"bad code!"}""")
                .post("/api/v1/applications").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:validation-failed"))
                .body("title", equalTo("提交的内容有误"))
                .body("errors.field", containsInAnyOrder("divisionCode", "applicant.name", "applicant.idNumber",
                        "applicant.phone", "difficulty", "consent", "householdSize", "posterCode"))
                .body("errors.find { it.field == 'divisionCode' }.code", equalTo("division.outside-service-area"))
                .body("errors.find { it.field == 'applicant.idNumber' }.code", equalTo("id-number.check-digit"))
                .body("errors.find { it.field == 'difficulty' }.code", equalTo("enum"))
                // never echo the rejected values
                .body(not(containsString("620503198001011230")));
    }

    @Test
    void legacyFifteenDigitNumberGetsAClearMessageInEnglishToo() {
        resident().header("Accept-Language", "en")
                .body(application("620503800101123", phone())).post("/api/v1/applications").then().statusCode(400)
                .body("title", equalTo("Some fields are invalid"))
                .body("errors[0].field", equalTo("applicant.idNumber"))
                .body("errors[0].code", equalTo("id-number.legacy"))
                .body("errors[0].message", startsWith("Use the 18-character ID number"));
    }

    @Test
    void impossibleBirthDateIsRefused() {
        String body = "620503" + "19800231" + "123";
        resident().body(application(body + IdNumbers.checkCharacter(body), phone())).post("/api/v1/applications")
                .then().statusCode(400).body("errors[0].code", equalTo("id-number.birth-date"));
    }

    @Test
    void lowerCaseXAndPhoneWithCountryCodeAreAccepted() {
        String body = "62050319800101" + "00";
        String id = null;
        for (int i = 0; i < 10 && id == null; i++) {
            String b = body + i;
            if (IdNumbers.checkCharacter(b) == 'X') {
                id = b + "x";
            }
        }
        if (id == null) {
            id = idNumber();
        }
        resident().body(application(id, "+86 139 0000 0000")).post("/api/v1/applications").then().statusCode(202);
    }

    @Test
    void zoneAndCountyAreNotTownships() {
        resident().body(application().replace("620503114", "620503400")).post("/api/v1/applications").then()
                .statusCode(400).body("errors[0].field", equalTo("divisionCode"))
                .body("errors[0].code", equalTo("division.not-township"));
        resident().body(application().replace("620503114", "620503")).post("/api/v1/applications").then()
                .statusCode(400).body("errors[0].code", equalTo("division.not-township"));
    }

    @Test
    void descriptionOverAThousandCharactersIsRefused() {
        String body = application().replace("丈夫住院，医药费负担重", "难".repeat(1001));
        resident().body(body).post("/api/v1/applications").then().statusCode(400)
                .body("errors[0].field", equalTo("description")).body("errors[0].code", equalTo("text.too-long"));
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesNameTheField() {
        resident().body(application().replace("张小三", "张\\u0000三")).post("/api/v1/applications").then()
                .statusCode(400).body("errors[0].field", equalTo("applicant.name"))
                .body("errors[0].code", equalTo("text.invalid-characters"));
        resident().body(application().replace("张小三", "张\\ud800三")).post("/api/v1/applications").then()
                .statusCode(400).body("errors[0].field", equalTo("applicant.name"));
        resident().body(application().replace("丈夫住院", "丈夫\\u001b住院")).post("/api/v1/applications").then()
                .statusCode(400).body("errors[0].field", equalTo("description"));
        resident().body(application().replace("张小三", "张".repeat(5000))).post("/api/v1/applications").then()
                .statusCode(400).body("errors[0].code", equalTo("text.too-long"));
    }

    @Test
    void malformedBodiesAre4xxProblems() {
        resident().body("{\"divisionCode\":").post("/api/v1/applications").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:scan-for-help:problem:malformed-json"));
        resident().body("[]").post("/api/v1/applications").then().statusCode(400)
                .contentType("application/problem+json");
        resident().body("null").post("/api/v1/applications").then().statusCode(400);
        resident().body(application().replace("\"householdSize\":3", "\"householdSize\":\"many\""))
                .post("/api/v1/applications").then().statusCode(400)
                .body("errors[0].field", equalTo("householdSize"));
        resident().body(application().replace("\"householdSize\":3", "\"householdSize\":1e400"))
                .post("/api/v1/applications").then().statusCode(400);
        resident().contentType("text/plain").body(application()).post("/api/v1/applications").then()
                .statusCode(415).contentType("application/problem+json");
        resident().body(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})
                .post("/api/v1/applications").then().statusCode(400);
    }

    @Test
    void bodiesOver64KbAre413Problems() {
        String big = application().replace("丈夫住院，医药费负担重", "a".repeat(70_000));
        resident().body(big).post("/api/v1/applications").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:payload-too-large"));
        Management.given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void unknownDivisionIsNamed() {
        resident().body(application().replace("620503114", "620503199")).post("/api/v1/applications").then()
                .statusCode(400).body("errors.code", hasItem("division.unknown"));
    }
}
