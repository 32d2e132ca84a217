package cn.scanforhelp.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.IntakeServiceProcess;
import cn.scanforhelp.infra.testing.BrowserScript;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The posters page in headless Chromium ({@code src/test/browser/posters-e2e.js}, the tools of
 * {@link DashboardBrowserTest}) against the real intake-service: the officer reaches it from the navigation, the
 * scans-and-applications chart is drawn from the table, the village batch downloads as a PDF, axe-core finds nothing
 * serious; without JavaScript the table is the page and no empty chart box shows.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeServiceProcess.class, restrictToAnnotatedClass = true)
class PostersBrowserTest {

    static final String TOWNSHIP = "620503114";

    @TestHTTPResource("/")
    URL base;

    static JsonNode results;
    static String scanned;

    synchronized void run() throws Exception {
        if (results != null) {
            return;
        }
        BrowserScript browser = BrowserScript.require();
        HttpClient http = HttpClient.newHttpClient();
        scanned = poster(http, TOWNSHIP + "202", "浏览器测试村口");
        poster(http, TOWNSHIP, "浏览器测试镇政府");
        for (int i = 0; i < 3; i++) {
            http.send(HttpRequest.newBuilder(URI.create(IntakeServiceProcess.url() + "/h/" + scanned)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("base", base.toString().replaceAll("/$", ""));
        cfg.put("township", TOWNSHIP);
        cfg.put("poster", scanned);
        results = browser.run("posters-e2e.js", cfg, "posters-results.json", Duration.ofSeconds(180));
    }

    static String poster(HttpClient http, String division, String label) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(IntakeServiceProcess.url()
                + "/api/v1/posters")).header("Authorization", "Bearer " + Tokens.officer())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"divisionCode\":\"" + division + "\",\"label\":\"" + label + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body()).path("code").asText();
    }

    JsonNode scenario(String name) throws Exception {
        run();
        JsonNode s = results.path("scenarios").path(name);
        assertTrue(s.path("ok").asBoolean(), () -> name + " failed: " + s.path("error").asText());
        return s;
    }

    @Test
    void theOfficerSeesTheChartAndDownloadsAVillageBatch() throws Exception {
        JsonNode s = scenario("officer");
        assertEquals("二维码海报", s.path("h1").asText());
        assertTrue(s.path("chartDrawn").asBoolean(), "ECharts drew the scans and applications");
        assertTrue(s.path("rows").asInt() >= 2, s.toString());
        assertTrue(s.path("villageOptions").asInt() >= 5, "利桥镇's villages offered for a new poster");
        assertTrue(s.path("horizontalScroll").asInt() <= 0, "no horizontal scrolling at 1366×768");
        assertEquals("posters-" + TOWNSHIP + ".pdf", s.path("batchFile").asText());
        assertTrue(s.path("batchBytes").asLong() > 10_000, s.toString());
        assertTrue(s.path("confirmH1").asText().contains(scanned), s.path("confirmH1").asText());
        assertEquals(0, s.path("jsErrors").size(), s.path("jsErrors").toString());
        s.path("failed").forEach(f -> assertTrue(f.asText().endsWith(" /favicon.ico"), s.path("failed").toString()));
    }

    @Test
    void englishAndWithoutJavaScript() throws Exception {
        assertEquals("QR posters", scenario("english").path("h1").asText());
        JsonNode n = scenario("nojs");
        assertTrue(n.path("rows").asInt() >= 2);
        assertEquals("none", n.path("chartDisplay").asText(), "no empty chart box without JavaScript");
        assertEquals("3", n.path("scans").asText());
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
        assertTrue(results.path("axe").has("posters zh-CN") && results.path("axe").has("posters en")
                && results.path("axe").has("withdraw zh-CN"));
    }
}
