package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * notification-service's preview (the real service), and the no-JS "预览短信" button re-renders the form with the
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
        assertTrue(form.text("#sms-preview-text").contains(c.trackingNumber()), form.text("#sms-preview"));
        assertEquals("REFER", form.doc().selectFirst("#action-form").attr("hx-post").replaceAll(".*/", ""));
        assertNotNull(form.doc().selectFirst("#sms-preview-submit[name=preview]"), "a no-JS preview button");

        long version = Cases.get(c.caseId(), Tokens.liqiao()).path("version").asLong();
        WebSession.Page preview = s.submit(form, "#action-form",
                Map.of("department", "医疗保障局", "note", "电话已告知", "preview", "1"));
        assertEquals(200, preview.status());
        assertTrue(preview.text("#sms-preview-text").contains("医疗保障局"), preview.text("#sms-preview"));
        assertEquals("医疗保障局", preview.doc().selectFirst("#a-department option[selected]").val(), "values kept");
        assertEquals("电话已告知", preview.doc().selectFirst("#a-note") == null ? "电话已告知"
                : preview.doc().selectFirst("#a-note").val());
        assertEquals(version, Cases.get(c.caseId(), Tokens.liqiao()).path("version").asLong(), "nothing sent");
        // htmx asks again at each pause in typing and keeps only #sms-preview: the other panels are not read then
        assertNull(preview.doc().selectFirst("#sms-unavailable"), "the full page reads the SMS sent so far");
        WebSession.Page typing = s.submitHtmx(form, "#action-form", Map.of("department", "民政局", "preview", "1"));
        assertEquals(200, typing.status());
        assertTrue(typing.text("#sms-preview-text").contains("民政局"), typing.text("#sms-preview"));
        assertNotNull(typing.doc().selectFirst("#sms-unavailable"), "the SMS panel, discarded by htmx, was not read");

        // a department the SMS cannot carry: notification-service's reason instead of a text; the form still works
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
    void aStepWithoutAnSmsHasNoPreview() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/CLASSIFY");
        assertNotNull(form.doc().selectFirst("#action-form"), form.text("#notice"));
        assertNull(form.doc().selectFirst("#sms-preview"));
        assertNull(form.doc().selectFirst("#sms-preview-submit"));
    }
}
