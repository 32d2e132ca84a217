package cn.scanforhelp.intake.form;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.scanforhelp.intake.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The privacy notice (个人信息保护法): how long the information is kept (from the retention configuration),
 * the referral to other departments (转办), and a separate consent to sensitive information recorded with
 * the application; without it an application without health details is still accepted.
 */
@QuarkusTest
class PrivacyNoticeTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theNoticeStatesTheRetentionPeriodAndTheReferralAndAsksSeparately() {
        String code = FormPageTest.poster("620503114");
        FormPageTest.browser().get("/h/" + code).then().statusCode(200)
                .body(containsString("您的信息保存 5 年"))
                .body(containsString("（转办）"))
                .body(containsString("name=\"consent\""))
                .body(containsString("<input type=\"checkbox\" id=\"f-sensitiveConsent\" name=\"sensitiveConsent\""))
                .body(containsString("我单独同意提供健康、残疾、收入等敏感个人信息"));
        FormPageTest.browser().header("Accept-Language", "en").get("/h/" + code).then().statusCode(200)
                .body(containsString("kept for 5 years")).body(containsString("(referral)"));
    }

    @Test
    void theRetentionPeriodReadsAsTheConfigurationSaysIt() {
        FormTexts zh = FormTexts.of(Locale.SIMPLIFIED_CHINESE);
        assertEquals("5 年", FormService.retentionText(zh, Duration.ofDays(1826)));
        assertEquals("3 年", FormService.retentionText(zh, Duration.ofDays(1095)));
        assertEquals("400 天", FormService.retentionText(zh, Duration.ofDays(400)));
    }

    @Test
    void withoutTheSeparateConsentAnApplicationWithoutHealthDetailsIsAccepted() throws Exception {
        String code = FormPageTest.poster("620503114");
        Map<String, String> f = FormPageTest.valid();
        f.remove("sensitiveConsent");
        f.put("difficulty", "UNEMPLOYMENT");
        f.put("description", "厂里停工，没有收入来源");
        String location = FormPageTest.browser().formParams(f).post("/h/" + code).then().statusCode(303)
                .extract().header("Location");
        assertEquals(Boolean.FALSE, sensitiveConsentOf(location));
    }

    @Test
    void illnessWithoutTheSeparateConsentIsAskedForItAndNothingIsStored() throws Exception {
        String code = FormPageTest.poster("620503114");
        Map<String, String> f = FormPageTest.valid();
        f.remove("sensitiveConsent");
        f.put("difficulty", "ILLNESS");
        String phone = f.get("phone");
        long before = applications();
        FormPageTest.browser().formParams(f).post("/h/" + code).then().statusCode(400)
                .body(containsString("您选择的困难类型涉及健康或残疾信息：请勾选单独同意，或改选其他困难类型"))
                .body(containsString("href=\"#f-sensitiveConsent\""))
                .body(not(containsString("class=\"tracking\"")));
        assertEquals(before, applications(), "nothing stored");
        assertFalse(phone.isEmpty());
        f.put("sensitiveConsent", "on");
        String location = FormPageTest.browser().formParams(f).post("/h/" + code).then().statusCode(303)
                .extract().header("Location");
        assertEquals(Boolean.TRUE, sensitiveConsentOf(location));
    }

    @Test
    void theApiRecordsTheSeparateConsentAndNullWhenNotAsked() throws Exception {
        String body = Fixtures.application().replace("\"consent\":true", "\"consent\":true,\"sensitiveConsent\":true");
        String tn = Fixtures.resident().body(body).post("/api/v1/applications").then().statusCode(202)
                .extract().path("trackingNumber");
        assertEquals(Boolean.TRUE, sensitiveConsentByTrackingNumber(tn));
        String tn2 = Fixtures.resident().body(Fixtures.application()).post("/api/v1/applications").then()
                .statusCode(202).extract().path("trackingNumber");
        assertNull(sensitiveConsentByTrackingNumber(tn2));
    }

    private long applications() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*) from application");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Boolean sensitiveConsentOf(String location) throws Exception {
        String display = location.substring(location.indexOf("/a/") + 3, location.indexOf('?'));
        return sensitiveConsentByTrackingNumber(display.replace("-", ""));
    }

    private Boolean sensitiveConsentByTrackingNumber(String tn) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select sensitive_consent from application where tracking_number = ?")) {
            ps.setString(1, tn);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no application " + tn);
                }
                boolean v = rs.getBoolean(1);
                return rs.wasNull() ? null : v;
            }
        }
    }
}
