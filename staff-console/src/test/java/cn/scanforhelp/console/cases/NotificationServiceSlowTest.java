package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.NotificationServiceSlowProfile;
import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** notification-service hangs: the case page still renders, saying the SMS state is unavailable, never a 500. */
@QuarkusTest
@TestProfile(NotificationServiceSlowProfile.class)
class NotificationServiceSlowTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theCasePageRendersWithAClearNoteAndActionsStillWork() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        long started = System.nanoTime();
        WebSession.Page p = s.get("/cases/" + c.caseId());
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, p.status(), p.body());
        assertTrue(ms < 6_000, "a short timeout, not the hang: " + ms + " ms");
        assertTrue(p.text("#sms-unavailable").contains("短信状态暂时无法获取"), p.body());
        assertNull(p.doc().selectFirst("#sms"));
        assertEquals("已接收", p.text("#case-status"));
        assertNotNull(p.doc().selectFirst("#timeline"));

        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/ACCEPT");
        // the SMS preview cannot be had either: the form says so and still works
        assertTrue(form.text("#sms-preview-message").contains("短信预览暂时无法获取"), form.text("#action-form"));
        WebSession.Page done = s.submit(form, "#action-form", Map.of("note", "材料齐全"));
        assertEquals(200, done.status());
        assertTrue(done.text("#notice").contains("受理"), done.text("#notice"));

        WebSession.Page en = s.language("en").get("/cases/" + c.caseId());
        assertTrue(en.text("#sms-unavailable").contains("SMS state unavailable"), en.text("#sms-unavailable"));
    }
}
