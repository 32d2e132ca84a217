package cn.scanforhelp.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.NotificationDb;
import cn.scanforhelp.infra.testing.BrowserScript;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The officer's SMS that went wrong in headless Chromium ({@code src/test/browser/sms-problems-e2e.js}): from the
 * navigation, an undeliverable SMS resent once in place (htmx), another marked handled without JavaScript, axe-core
 * finds nothing serious in Chinese and English.
 */
@QuarkusTest
class SmsProblemsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    static JsonNode results;
    static Cases.Opened resent;
    static String resendId;

    synchronized void run() throws Exception {
        if (results != null) {
            return;
        }
        BrowserScript browser = BrowserScript.require();
        resent = Cases.open("620503114", null);
        Cases.Opened handled = Cases.open("620503116", null);
        resendId = NotificationDb.undeliverable(resent.trackingNumber());
        String handleId = NotificationDb.undeliverable(handled.trackingNumber());
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("base", base.toString().replaceAll("/$", ""));
        cfg.put("resend", resendId);
        cfg.put("handle", handleId);
        results = browser.run("sms-problems-e2e.js", cfg, "sms-problems-results.json", Duration.ofSeconds(180));
    }

    JsonNode scenario(String name) throws Exception {
        run();
        JsonNode s = results.path("scenarios").path(name);
        assertTrue(s.path("ok").asBoolean(), () -> name + " failed: " + s.path("error").asText() + results.path("fatal"));
        return s;
    }

    @Test
    void theOfficerResendsAFailedSmsOnce() throws Exception {
        JsonNode s = scenario("officer");
        assertEquals("异常短信", s.path("h1").asText());
        assertTrue(s.path("listed").asBoolean());
        assertEquals("/cases/" + resent.caseId(), s.path("caseHref").asText());
        assertTrue(s.path("horizontalScroll").asInt() <= 0, "no horizontal scrolling at 1366×768");
        assertEquals("已重发一次，短信已交发送队列。", s.path("notice").asText());
        assertFalse(s.path("stillListed").asBoolean(), "resent: no longer to do");
        assertEquals(1, Integer.parseInt(NotificationDb.sql(
                "select count(*) from sms_message where resent_from = ?::uuid", resendId)));
        assertEquals(0, s.path("jsErrors").size(), s.path("jsErrors").toString());
        s.path("failed").forEach(f -> assertTrue(f.asText().endsWith(" /favicon.ico"), s.path("failed").toString()));
    }

    @Test
    void withoutJavaScriptANoteMarksItHandled() throws Exception {
        JsonNode s = scenario("nojs");
        assertEquals("已标记为已处理。", s.path("notice").asText());
        assertFalse(s.path("stillListed").asBoolean());
        assertEquals("SMS that went wrong", scenario("english").path("h1").asText());
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() throws Exception {
        run();
        List<String> bad = new ArrayList<>();
        results.path("axe").fields().forEachRemaining(page -> page.getValue().forEach(v -> {
            String impact = v.path("impact").asText();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                bad.add(page.getKey() + ": " + v);
            }
        }));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        assertTrue(results.path("axe").has("sms-problems zh-CN"));
        assertTrue(results.path("axe").has("sms-problems en"));
    }
}
