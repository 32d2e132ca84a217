package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The case page's SMS (from the real notification-service, after case-service's relay delivered the events) and
 * its referral.
 */
@QuarkusTest
class SmsAndReferralTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theReceivedSmsAppearsOnTheCasePageOnceCaseServiceHasDeliveredItsEvent() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page p = until(s, "/cases/" + c.caseId(), page -> "SENT".equals(status(page, "RECEIVED")));
        Element row = p.doc().selectFirst("#sms tr[data-event=RECEIVED]");
        assertEquals("申请已收到", row.selectFirst("th").text());
        assertEquals("已发出", row.selectFirst(".sms-status").text());
        assertTrue(row.text().contains("尚无回执"), row.text());
        String text = row.selectFirst(".sms-text").text();
        assertTrue(text.contains(c.trackingNumber()) && text.contains("利桥镇"), text);
        assertTrue(!p.body().contains(c.phone()), "the phone is not on the page");

        WebSession.Page en = s.language("en").get("/cases/" + c.caseId());
        Element enRow = en.doc().selectFirst("#sms tr[data-event=RECEIVED]");
        assertEquals("Application received", enRow.selectFirst("th").text());
        assertEquals("Sent", enRow.selectFirst(".sms-status").text());
        assertEquals("SMS sent to the applicant", en.text("#sms-title"));
    }

    @Test
    void aReferralShowsItsDepartmentWhenAndWhetherTheDepartmentHasAnswered() {
        Cases.Opened c = Cases.open("620503114", "MEDICAL");
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page before = s.get("/cases/" + c.caseId());
        assertNotNull(before.doc().selectFirst("#referral-none"), "not referred yet");
        assertNull(before.doc().selectFirst("#referral"));

        step(s, c, "ACCEPT", Map.of());
        WebSession.Page referred = step(s, c, "REFER", Map.of("department", "医疗保障局"));
        assertEquals("医疗保障局", referred.text("#referral-department"));
        assertEquals("等待部门办理结果", referred.text("#referral-state"));
        assertTrue(referred.text("#referral-at").matches(".*\\d{2}:\\d{2}.*"), referred.text("#referral-at"));
        assertNull(referred.doc().selectFirst("#referral-outcome"));

        WebSession.Page answered = step(s, c, "RECORD_REFERRAL_OUTCOME", Map.of("outcome", "已纳入医疗救助，报销八成"));
        assertEquals("部门已答复", answered.text("#referral-state"));
        assertEquals("已纳入医疗救助，报销八成", answered.text("#referral-outcome"));
        assertEquals("true", answered.doc().selectFirst("#referral").attr("data-answered"));
        WebSession.Page en = s.language("en").get("/cases/" + c.caseId());
        assertEquals("The department has answered", en.text("#referral-state"));

        // the resident heard of the referral too: its SMS came the same way
        WebSession.Page sms = until(s.language("zh-CN"), "/cases/" + c.caseId(),
                page -> status(page, "REFERRED") != null);
        assertTrue(sms.doc().selectFirst("#sms tr[data-event=REFERRED] .sms-text").text().contains("医疗保障局"));
    }

    private static String status(WebSession.Page page, String event) {
        Element row = page.doc().selectFirst("#sms tr[data-event=" + event + "]");
        return row == null ? null : row.attr("data-status");
    }

    /** The page, asked again until it shows what is awaited (the relay polls every second): at most 30 s. */
    private static WebSession.Page until(WebSession s, String path, Predicate<WebSession.Page> shown) {
        long until = System.nanoTime() + 30_000_000_000L;
        WebSession.Page p = s.get(path);
        while (!shown.test(p) && System.nanoTime() < until) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            p = s.get(path);
        }
        assertTrue(shown.test(p), "not shown in 30 s: " + p.doc().select("#sms-title ~ *").outerHtml());
        return p;
    }

    private static WebSession.Page step(WebSession s, Cases.Opened c, String action, Map<String, String> values) {
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/" + action);
        assertNotNull(form.doc().selectFirst("#action-form"), action + " is not offered: " + form.text("#notice"));
        WebSession.Page r = s.submit(form, "#action-form", values);
        assertEquals(200, r.status(), action + ": " + r.text("#notice"));
        return r;
    }
}
