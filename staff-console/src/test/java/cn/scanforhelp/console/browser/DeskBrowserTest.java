package cn.scanforhelp.console.browser;

import static cn.scanforhelp.console.browser.ConsoleBrowserTest.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.scanforhelp.infra.testing.BrowserScript;
import cn.scanforhelp.console.CaseServiceProcess;
import cn.scanforhelp.console.IntakeServiceProcess;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The hotline operator's desk in a real headless Chromium, keyboard only ({@code src/test/browser/desk-e2e.js}
 * presses and types; it never clicks), against the console, the real intake-service (whose relay delivers to the
 * real case-service) and the signing OIDC provider. An earlier application of the caller's number is taken through
 * intake's API first, so the desk has a history to show and case-service an open case for the duplicate warning.
 * The script also times page load to saved call and counts the keys pressed (bench/operator reports them).
 */
@QuarkusTest
class DeskBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    static JsonNode results;
    static String earlierTracking;
    static String earlierId;

    synchronized JsonNode run() throws Exception {
        if (results != null) {
            return results;
        }
        BrowserScript browser = BrowserScript.require();
        IntakeServiceProcess.startProcess();
        String intake = IntakeServiceProcess.url();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String earlierPhone = "139" + String.format("%08d", random.nextInt(100_000_000));
        earlierId = idNumber(random);
        JsonNode earlier = post(intake + "/api/v1/hotline/calls", Tokens.operator(), Map.of(
                "callerPhone", earlierPhone, "divisionCode", "620503114",
                "startedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(3).withNano(0).toString(),
                "durationSeconds", 300, "notes", "上次来电代为申请", "outcome", "APPLICATION",
                "application", Map.of("divisionCode", "620503114",
                        "applicant", Map.of("name", "马秀英", "idNumber", earlierId),
                        "difficulty", "DISASTER", "description", "房屋受损", "consent", true)));
        earlierTracking = earlier.path("trackingNumber").asText();
        waitForCase(earlierTracking);

        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("base", base.toString().replaceAll("/$", ""));
        cfg.put("earlierPhone", earlierPhone);
        cfg.put("earlierTracking", earlierTracking);
        cfg.put("earlierId", earlierId);
        cfg.put("landline", "0938-" + (8_000_000 + random.nextInt(1_000_000)));
        cfg.put("mobile", "137" + String.format("%08d", random.nextInt(100_000_000)));
        cfg.put("questionPhone", "136" + String.format("%08d", random.nextInt(100_000_000)));
        cfg.put("dupPhone", "135" + String.format("%08d", random.nextInt(100_000_000)));
        cfg.put("landlineId", idNumber(random));
        cfg.put("mobileId", idNumber(random));
        JsonNode read = browser.run("desk-e2e.js", cfg, "desk-results.json", Duration.ofSeconds(240));
        results = read;
        return read;
    }

    JsonNode scenario(String name) throws Exception {
        JsonNode s = run().path("scenarios").path(name);
        assertTrue(s.path("ok").asBoolean(), () -> name + " failed: " + s.path("error").asText() + "\nerror answers: "
                + s.path("errors"));
        return s;
    }

    @Test
    void theOperatorSeesTheCallersEarlierApplicationBeforeFinishingTheCall() throws Exception {
        JsonNode s = scenario("question");
        assertTrue(s.path("historyBeforeSave").asText().contains(earlierTracking), s.path("historyBeforeSave").asText());
        assertTrue(s.path("historyBeforeSave").asText().contains("马*英"), "the name masked");
        assertFalse(s.path("historyBeforeSave").asText().contains(earlierId), "never the ID number");
        assertEquals("热线接线台", s.path("h1").asText());
    }

    @Test
    void aQuestionOnlyCallIsRecordedAndListed() throws Exception {
        JsonNode s = scenario("question");
        assertTrue(s.path("notice").asText().contains("已保存"), s.path("notice").asText());
        assertTrue(list(s.path("today")).stream().anyMatch(r -> r.contains("咨询")), s.path("today").toString());
    }

    @Test
    void aLandlineCallersApplicationWithoutAMobileIsTakenAndQueuedAsHotlineWithCallBack() throws Exception {
        JsonNode s = scenario("landline");
        String tracking = s.path("tracking").asText();
        assertFalse(tracking.isEmpty(), s.toString());
        assertTrue(list(s.path("today")).stream().anyMatch(r -> r.contains(tracking.replace("-", ""))
                || r.contains(tracking)), s.path("today").toString());
        JsonNode q = scenario("queue");
        assertTrue(q.path("rows").toString().contains(tracking), q.toString());
        assertTrue(q.path("landlineChannel").asText().contains("热线"), q.toString());
        assertEquals("无短信：请电话回复", q.path("landlinePhone").asText());
    }

    @Test
    void anApplicationOnBehalfOfAMobileCallerIsTakenAndQueuedAsHotline() throws Exception {
        JsonNode s = scenario("onBehalf");
        String tracking = s.path("tracking").asText();
        assertFalse(tracking.isEmpty(), s.toString());
        assertTrue(list(s.path("today")).stream().anyMatch(r -> r.contains(tracking)), s.path("today").toString());
        JsonNode q = scenario("queue");
        assertTrue(q.path("onBehalfChannel").asText().contains("热线"), q.toString());
    }

    @Test
    void theDuplicateWarningNamesTheTownshipAndStatusOfTheOpenCaseBeforeSaving() throws Exception {
        JsonNode s = scenario("duplicate");
        assertTrue(s.path("warning").asText().contains("利桥镇"), s.path("warning").asText());
        assertTrue(s.path("warning").asText().contains("已收到") || s.path("warning").asText().contains("RECEIVED"),
                s.path("warning").asText());
        assertEquals(409, s.path("saveStatus").asInt(), "not saved without telling the caller");
        assertTrue(s.path("warningAfterSave").asText().contains("利桥镇"));
    }

    @Test
    void theWholeJourneyIsKeyboardOnlyAndAxeFindsNothingSeriousOrCritical() throws Exception {
        for (String name : List.of("question", "landline", "onBehalf", "duplicate")) {
            JsonNode s = scenario(name);
            assertEquals(0, s.path("pointerEvents").asInt(), name + ": no pointer events");
            assertEquals(0, s.path("jsErrors").size(), name + ": " + s.path("jsErrors"));
        }
        List<String> bad = new ArrayList<>();
        results.path("axe").fields().forEachRemaining(page -> page.getValue().forEach(v -> {
            String impact = v.path("impact").asText();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                bad.add(page.getKey() + ": " + v);
            }
        }));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        assertTrue(results.path("axe").size() >= 3, results.path("axe").toString());
    }

    /** The case-service side of an application taken at the desk: in the township's queue, channel HOTLINE. */
    private static void waitForCase(String tracking) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(CaseServiceProcess.url()
                            + "/api/v1/cases?text=" + tracking)).header("Authorization", "Bearer " + Tokens.liqiao()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains(tracking)) {
                return;
            }
            Thread.sleep(500);
        }
        fail("the earlier application " + tracking + " did not reach case-service; see target/intake-service.log");
    }

    private static JsonNode post(String url, String token, Map<String, Object> body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A valid resident ID number (GB 11643 check digit) of Maiji, born on a random day. */
    static String idNumber(ThreadLocalRandom random) {
        String body = "620503" + java.time.LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000))
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
