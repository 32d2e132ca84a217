package cn.scanforhelp.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.infra.testing.BrowserScript;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sampling check in headless Chromium ({@code src/test/browser/sampling-e2e.js}): the officer follows the
 * navigation, draws a sample of a township's decided cases and records a check; axe-core finds nothing serious.
 * Township 620503111 is no other test's.
 */
@QuarkusTest
class SamplingBrowserTest {

    static final String TOWNSHIP = "620503111";

    @TestHTTPResource("/")
    URL base;

    @Test
    void theOfficerDrawsASampleAndRecordsACheck() throws Exception {
        BrowserScript browser = BrowserScript.require();
        Set<String> decided = new HashSet<>();
        for (String type : new String[] {"TEKUN", "DIBAO"}) {
            Cases.Opened c = Cases.open(TOWNSHIP, type);
            // case-service's clock is the system's, as for Cases.makeOverdue
            Cases.sql("update case_file set status = 'APPROVED', decided_at = now() - interval '1 day' where id = ?",
                    c.caseId());
            decided.add(c.trackingNumber());
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("base", base.toString().replaceAll("/$", ""));
        cfg.put("township", TOWNSHIP);
        cfg.put("from", today.minusDays(7).toString());
        cfg.put("to", today.toString());
        JsonNode results = browser.run("sampling-e2e.js", cfg, "sampling-results.json", Duration.ofSeconds(180));

        JsonNode s = results.path("scenarios").path("officer");
        assertTrue(s.path("ok").asBoolean(), () -> "officer failed: " + s.path("error").asText()
                + results.path("fatal").asText());
        assertEquals("案件抽查", s.path("h1").asText());
        assertEquals(2, s.path("drawn").size(), s.toString()); // one of each type: at least one per type
        s.path("drawn").forEach(t -> assertTrue(decided.contains(t.asText()), t.asText()));
        assertTrue(s.path("notice").asText().contains("2"), s.path("notice").asText());
        assertTrue(s.path("checkedNotice").asText().contains("已记录"), s.path("checkedNotice").asText());
        assertEquals("核查无误", s.path("badge").asText());
        assertTrue(s.path("horizontalScroll").asInt() <= 0, "no horizontal scrolling at 1366×768");
        assertEquals(0, s.path("jsErrors").size(), s.path("jsErrors").toString());

        List<String> bad = new ArrayList<>();
        results.path("axe").fields().forEachRemaining(page -> page.getValue().forEach(v -> {
            String impact = v.path("impact").asText();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                bad.add(page.getKey() + ": " + v);
            }
        }));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        assertTrue(results.path("axe").has("samplings zh-CN") && results.path("axe").has("sampling zh-CN"));
    }
}
