package cn.scanforhelp.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.scanforhelp.infra.testing.BrowserScript;
import cn.scanforhelp.console.Cases;
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
 * The district officer's dashboard in headless Chromium ({@code src/test/browser/dashboard-e2e.js}, the same tools
 * as {@link ConsoleBrowserTest}): the chart is drawn, the township's overdue number is reached by keyboard and leads
 * to the queue showing the case, axe-core finds nothing serious, and without JavaScript the tables are the page.
 */
@QuarkusTest
class DashboardBrowserTest {

    static final String DIVISION = "620503116";

    @TestHTTPResource("/")
    URL base;

    static JsonNode results;
    static Cases.Opened overdue;

    synchronized void run() throws Exception {
        if (results != null) {
            return;
        }
        BrowserScript browser = BrowserScript.require();
        overdue = Cases.open(DIVISION, null);
        Cases.makeOverdue(overdue.caseId());
        Cases.open("620503114", null);

        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("base", base.toString().replaceAll("/$", ""));
        cfg.put("division", DIVISION);
        cfg.put("overdue", Map.of("caseId", overdue.caseId(), "trackingNumber", overdue.trackingNumber()));
        JsonNode r = browser.run("dashboard-e2e.js", cfg, "dashboard-results.json", Duration.ofSeconds(180));
        results = r;
    }

    JsonNode scenario(String name) throws Exception {
        run();
        JsonNode s = results.path("scenarios").path(name);
        assertTrue(s.path("ok").asBoolean(), () -> name + " failed: " + s.path("error").asText());
        return s;
    }

    @Test
    void theOfficerFollowsATownshipsOverdueNumberByKeyboardToTheCase() throws Exception {
        JsonNode s = scenario("officer");
        assertEquals("监管看板", s.path("h1").asText());
        assertTrue(s.path("chartDrawn").asBoolean(), "ECharts drew the deadlines chart");
        assertTrue(s.path("channelsChartDrawn").asBoolean(), "and the channels chart");
        assertTrue(s.path("horizontalScroll").asInt() <= 0, "no horizontal scrolling at 1366×768");
        assertTrue(s.path("tabs").asInt() < 200, "the number is reachable by Tab");
        assertTrue(s.path("focusOutline").asDouble() >= 3, "visible focus");
        assertEquals("/?division=" + DIVISION + "&deadlineState=OVERDUE", s.path("landedOn").asText());
        assertTrue(s.path("caseInQueue").asBoolean(), "the overdue case is in the filtered queue");
        assertEquals(s.path("overdueShown").asText(), s.path("queueCount").asText(), "the same number");
        s.path("badges").forEach(b -> assertEquals("已超期", b.asText()));
        assertEquals(0, s.path("jsErrors").size(), s.path("jsErrors").toString());
        // the browser asks for /favicon.ico on its own (the console has none); nothing else may fail to load
        s.path("failed").forEach(f -> assertTrue(f.asText().endsWith(" /favicon.ico"), s.path("failed").toString()));
    }

    @Test
    void englishAndWithoutJavaScript() throws Exception {
        assertEquals("Dashboard", scenario("english").path("h1").asText());
        JsonNode n = scenario("nojs");
        assertTrue(n.path("rows").asInt() >= 2);
        assertEquals("none", n.path("chartDisplay").asText(), "no empty chart box without JavaScript");
        assertEquals("/?division=" + DIVISION + "&deadlineState=OVERDUE", n.path("overdueHref").asText());
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
        assertTrue(results.path("axe").has("dashboard zh-CN"));
        assertTrue(results.path("axe").has("dashboard en"));
    }
}
