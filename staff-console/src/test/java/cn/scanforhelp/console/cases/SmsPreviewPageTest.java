package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Free text that reaches an SMS is shown as the resident will read it: the form of a step that sends an SMS shows
 * notification-service's rendering of case-service's rehearsal of the step (both real services), and the no-JS "预览短信" button re-renders the form with the
 * preview and the values kept, sending nothing. A step without an SMS has no preview.
 */
@QuarkusTest
class SmsPreviewPageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theReferFormPreviewsTheSmsWithTheDepartmentTyped() {
        Cases.Opened c = Cases.open("620503114", "MEDICAL");
        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "ACCEPT"));
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/REFER");
        assertNotNull(form.doc().selectFirst("#sms-preview"), "REFER sends an SMS");
        // no department chosen yet: case-service's rehearsal refuses the step, so the SMS is not made up
        assertNull(form.doc().selectFirst("#sms-preview-text"), form.text("#sms-preview"));
        assertEquals("填好必填项后，这里显示申请人将收到的短信。", form.text("#sms-preview-message"));
        assertEquals("REFER", form.doc().selectFirst("#action-form").attr("hx-post").replaceAll(".*/", ""));
        assertNotNull(form.doc().selectFirst("#sms-preview-submit[name=preview]"), "a no-JS preview button");

        long version = Cases.get(c.caseId(), Tokens.liqiao()).path("version").asLong();
        WebSession.Page preview = s.submit(form, "#action-form",
                Map.of("department", "医疗保障局", "note", "电话已告知", "preview", "1"));
        assertEquals(200, preview.status());
        assertTrue(preview.text("#sms-preview-text").contains("医疗保障局"), preview.text("#sms-preview"));
        assertTrue(preview.text("#sms-preview-text").contains(c.trackingNumber()), preview.text("#sms-preview"));
        assertEquals("医疗保障局", preview.doc().selectFirst("#a-department option[selected]").val(), "values kept");
        assertEquals("电话已告知", preview.doc().selectFirst("#a-note") == null ? "电话已告知"
                : preview.doc().selectFirst("#a-note").val());
        assertEquals(version, Cases.get(c.caseId(), Tokens.liqiao()).path("version").asLong(), "nothing sent");
        // htmx asks again at each pause in typing and keeps only #sms-preview: the other panels are not read then
        assertNull(preview.doc().selectFirst("#sms-unavailable"), "the full page reads the SMS sent so far");
        String other = form.doc().select("#a-department option").stream().map(o -> o.val())
                .filter(v -> !v.isBlank() && !v.equals("医疗保障局")).findFirst().orElseThrow();
        WebSession.Page typing = s.submitHtmx(form, "#action-form", Map.of("department", other, "preview", "1"));
        assertEquals(200, typing.status());
        assertTrue(typing.text("#sms-preview-text").contains(other), typing.text("#sms-preview"));
        assertNotNull(typing.doc().selectFirst("#sms-unavailable"), "the SMS panel, discarded by htmx, was not read");

        // a department that is not one of the county's: case-service's reason instead of a text; the form still works
        WebSession.Page tooLong = s.submit(preview, "#action-form",
                Map.of("department", "某某市某某区某某县某某乡镇某某街道某某部门", "preview", "1"));
        assertEquals(200, tooLong.status());
        assertNull(tooLong.doc().selectFirst("#sms-preview-text"));
        assertTrue(tooLong.text("#sms-preview-message").startsWith("短信无法生成"), tooLong.text("#sms-preview"));

        WebSession.Page sent = s.submit(tooLong, "#action-form", Map.of("department", "医疗保障局"));
        assertEquals(200, sent.status(), sent.text("#notice"));
        assertEquals("REFERRED", Cases.get(c.caseId(), Tokens.liqiao()).path("status").asText());
    }

    @Test
    void theAcceptanceSmsNamesTheDecisionDeadlineTheStepSets() {
        Cases.Opened c = Cases.open("620503114", "MEDICAL");
        String acceptBy = Cases.get(c.caseId(), Tokens.liqiao()).path("deadlines").findValuesAsText("dueOn").get(0);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        String sms = s.get("/cases/" + c.caseId() + "/actions/ACCEPT").text("#sms-preview-text");

        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "ACCEPT"));
        String decideBy = null;
        for (var d : Cases.get(c.caseId(), Tokens.liqiao()).path("deadlines")) {
            if ("DECISION".equals(d.path("kind").asText())) {
                decideBy = d.path("dueOn").asText();
            }
        }
        assertNotNull(decideBy);
        assertTrue(sms.contains(day(decideBy)), "the decision's due date " + decideBy + " in: " + sms);
        assertFalse(sms.contains(day(acceptBy)), "not the acceptance's " + acceptBy + ": " + sms);
    }

    @Test
    void anApplicantWithoutAMobileIsToldByPhone() {
        Map<String, Object> landline = Cases.application("620503114", "MEDICAL", "座机来电，无手机");
        landline.put("channel", "HOTLINE");
        landline.put("applicant", Map.of("name", "王小五", "idNumber", Cases.idNumber()));
        String caseId = Cases.call("POST", "/internal/v1/applications", Tokens.intakeService(), landline)
                .path("caseId").asText();
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page form = s.get("/cases/" + caseId + "/actions/ACCEPT");
        assertNull(form.doc().selectFirst("#sms-preview-text"), form.text("#sms-preview"));
        assertEquals("申请人未留手机号，此步骤不发短信：请电话告知申请人。", form.text("#sms-preview-message"));
    }

    private static String day(String isoDate) {
        return java.time.LocalDate.parse(isoDate).format(java.time.format.DateTimeFormatter.ofPattern("M月d日"));
    }

    @Test
    void aStepWithoutAnSmsHasNoPreview() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/CLASSIFY");
        assertNotNull(form.doc().selectFirst("#action-form"), form.text("#notice"));
        assertNull(form.doc().selectFirst("#sms-preview"));
        assertNull(form.doc().selectFirst("#sms-preview-submit"));
    }
}
