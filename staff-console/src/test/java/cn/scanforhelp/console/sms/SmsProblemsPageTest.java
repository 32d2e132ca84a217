package cn.scanforhelp.console.sms;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.NotificationDb;
import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The officer's SMS that went wrong, against the real case-service and notification-service: a case's RECEIVED SMS
 * went the whole way (case-service's relay, notification-service's sender with the log provider) and is then made
 * undeliverable in notification-service's database, as a receipt would make it (the log provider gets none).
 */
@QuarkusTest
class SmsProblemsPageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI base;

    @Test
    void anOfficerResendsOnceAndMarksAnotherHandled() {
        Cases.Opened first = Cases.open("620503114", null);
        Cases.Opened second = Cases.open("620503116", null);
        String firstId = NotificationDb.undeliverable(first.trackingNumber());
        String secondId = NotificationDb.undeliverable(second.trackingNumber());

        WebSession s = WebSession.signedIn(base.toString(), "officer");
        assertNotNull(s.get("/").doc().selectFirst("#nav-sms-problems[href=/sms-problems]"), "in the officer's navigation");
        WebSession.Page p = s.get("/sms-problems");
        assertEquals(200, p.status(), p.body());
        Element row = p.doc().selectFirst("#row-" + firstId);
        assertNotNull(row, p.body());
        assertEquals("/cases/" + first.caseId(), row.selectFirst("a.tracking").attr("href"));
        assertEquals(first.trackingNumber(), row.selectFirst("a.tracking").text());
        assertEquals("无法送达", row.selectFirst(".sms-status").text());
        assertTrue(row.text().contains("申请已收到") && row.text().contains("(001)"), row.text());
        assertTrue(!p.body().contains(first.phone()) && !p.body().contains(first.phone().substring(7)), "no phone");

        // resend once: the row leaves the open list, the resend goes out through notification-service's sender
        WebSession.Page resent = s.submit(p, "#row-" + firstId + " form.resend", Map.of());
        assertEquals(200, resent.status(), resent.body());
        assertEquals("已重发一次，短信已交发送队列。", resent.text("#notice"));
        assertNull(resent.doc().selectFirst("#row-" + firstId), "resent: no longer to do");
        await().atMost(WAIT).until(() -> "SENT".equals(NotificationDb.sql(
                "select r.status from sms_message r join sms_message m on r.resent_from = m.id where m.id = ?::uuid",
                firstId)));
        WebSession.Page all = s.get("/sms-problems?view=all");
        Element done = all.doc().selectFirst("#row-" + firstId);
        assertTrue(done.selectFirst(".sms-done").text().contains("已重发，重发短信：已发出"), done.text());
        assertNull(done.selectFirst("form.resend"), "no second resend offered");

        // a second resend, posted anyway (an old tab): notification-service's 409, shown at the top
        Map<String, String> csrf = hidden(all, "#row-" + secondId + " form.resend");
        WebSession.Page again = s.post("/sms-problems/" + firstId + "/resend", csrf);
        assertEquals(409, again.status(), again.body());
        assertTrue(again.text("#error-summary").contains("已重发过"), again.text("#error-summary"));
        assertEquals(1, Integer.parseInt(NotificationDb.sql(
                "select count(*) from sms_message where resent_from = ?::uuid", firstId)));

        // mark handled: a note is required (notification-service's 400 at the field), then the row is gone
        WebSession.Page blank = s.submit(all, "#row-" + secondId + " form.handled", Map.of("note", " "));
        assertEquals(400, blank.status(), blank.body());
        assertEquals("true", blank.doc().selectFirst("#note-" + secondId).attr("aria-invalid"));
        assertNotNull(blank.doc().selectFirst("#error-summary a[href=#note-" + secondId + "]"));
        WebSession.Page handled = s.submit(blank, "#row-" + secondId + " form.handled", Map.of("note", "已电话告知居民"));
        assertEquals(200, handled.status(), handled.body());
        assertEquals("已标记为已处理。", handled.text("#notice"));
        assertNull(handled.doc().selectFirst("#row-" + secondId));
        Element handledRow = s.get("/sms-problems?view=all").doc().selectFirst("#row-" + secondId);
        assertTrue(handledRow.text().contains("officer") && handledRow.text().contains("已电话告知居民"), handledRow.text());

        // the case link leads to the case
        assertEquals(200, s.get(row.selectFirst("a.tracking").attr("href")).status());
        WebSession.Page en = s.language("en").get("/sms-problems?view=all");
        assertEquals("SMS that went wrong", en.text("h1"));
    }

    @Test
    void aTownshipReviewerGetsThe403Page() {
        WebSession s = new WebSession(base.toString());
        s.signIn("liqiao");
        WebSession.Page p = s.get("/sms-problems");
        assertEquals(403, p.status());
        assertTrue(p.text("#error-message").contains("区级"), p.body());
        assertNull(s.get("/").doc().selectFirst("#nav-sms-problems"));
    }

    private static Map<String, String> hidden(WebSession.Page page, String formCss) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element i : page.doc().selectFirst(formCss).select("input[type=hidden]")) {
            fields.put(i.attr("name"), i.attr("value"));
        }
        return fields;
    }
}
