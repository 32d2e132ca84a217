package cn.scanforhelp.intake.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.scanforhelp.infra.testing.BrowserScript;
import cn.scanforhelp.intake.Fixtures;
import cn.scanforhelp.intake.application.TrackingNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The form in a real headless Chromium at a 390×844 phone viewport, driven by
 * {@code src/test/browser/form-e2e.js} (playwright-core from {@code SFH_NODE_MODULES}, else the
 * repository's {@code .ci/node_modules}; Debian's chromium). Screenshots and the script's results land
 * in {@code target/browser/}. Missing tools fail the build in CI; elsewhere the test is skipped loudly.
 */
@QuarkusTest
class FormBrowserTest {

    static final long MAX_PAGE_BYTES = 60 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource ds;

    // once for the class (the browser run is the expensive part); RestAssured's port is only set per test
    static JsonNode results;
    static Map<String, String> posters = new LinkedHashMap<>();

    synchronized void runBrowser() throws Exception {
        if (results != null) {
            return;
        }
        BrowserScript browser = BrowserScript.require();

        cn.scanforhelp.intake.poster.PosterTestDataAccess.ensure(ds);
        posters.put("village", FormPageTest.poster("620503114201"));
        posters.put("township", FormPageTest.poster("620503114"));
        posters.put("lost", FormPageTest.poster("620503116"));
        List<Map<String, String>> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(Map.of("name", "张小" + "三四五六".charAt(i), "id", Fixtures.idNumber(), "phone", Fixtures.phone()));
        }
        String good = people.get(3).get("id");
        String wrong = good.substring(0, 17) + (good.charAt(17) == '1' ? "2" : "1");
        String baseUrl = base.toString().replaceAll("/$", "");
        Map<String, Object> cfg = Map.of("base", baseUrl, "posters", posters, "people", people, "wrongId", wrong,
                "trackingSample", TrackingNumbers.display(TrackingNumbers.generate()));
        JsonNode read = browser.run("form-e2e.js", cfg, "results.json", Duration.ofSeconds(240));
        results = read;
    }

    JsonNode scenario(String name) throws Exception {
        runBrowser();
        JsonNode s = results.path("scenarios").path(name);
        assertTrue(s.path("ok").asBoolean(), () -> name + " failed: " + s.path("error").asText());
        return s;
    }

    @Test
    void withJavaScriptAResidentFillsTheFormAndSeesTheTrackingNumber() throws Exception {
        JsonNode s = scenario("js");
        assertEquals("620503114201", s.path("villagePreset").asText(), "the poster's village is preset");
        assertTrue(s.path("telLinks").asInt() >= 2, "the hotline is a tel: link at the top and the bottom");
        assertTrue(s.path("draftRestored").asBoolean(), "a reload keeps what was typed");
        assertEquals("", s.path("idRestored").asText(), "the ID number is not kept in the draft");
        assertFalse(s.path("storedId").asBoolean(), "the ID number is in neither localStorage nor sessionStorage");
        assertEquals(0, s.path("localKeys").asInt(), "the draft lives in sessionStorage (gone with the tab), "
                + "not in localStorage");
        assertTrue(s.path("draftCleared").asBoolean(), "the draft is gone once the application is in");
        assertTrue(s.path("tracking").asText().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}"), s.toString());
        assertEquals(1, applicationsOf(posters.get("village")));
    }

    @Test
    void withoutJavaScriptThePlainFormWorksAndTheStatusPageAnswers() throws Exception {
        JsonNode s = scenario("nojs");
        assertTrue(s.path("tracking").asText().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}"), s.toString());
        assertFalse(s.path("status").asText().isBlank());
    }

    @Test
    void aSubmitWhoseAnswerIsLostAndIsRetriedCreatesOneApplication() throws Exception {
        JsonNode s = scenario("lost");
        assertEquals(2, s.path("posts").asInt(), "the first answer was dropped, the script sent again");
        assertTrue(s.path("sameKey").asBoolean(), "both posts carried the same Idempotency-Key");
        assertEquals(1, applicationsOf(posters.get("lost")));
    }

    @Test
    void aWrongIdNumberShowsTheErrorNextToTheField() throws Exception {
        JsonNode js = scenario("wrongId");
        assertEquals("身份证号有误，请对照身份证检查", js.path("inline").asText());
        assertTrue(js.path("inlineVisible").asBoolean());
        assertEquals("true", js.path("ariaInvalid").asText());
        assertEquals("error-summary", js.path("summaryFocused").asText(), "the summary takes the focus (announced)");
        assertTrue(js.path("stayed").asBoolean());
        JsonNode nojs = scenario("wrongIdNoJs");
        assertEquals("身份证号有误，请对照身份证检查", nojs.path("inline").asText());
        assertTrue(nojs.path("summary").asText().contains("身份证号有误"));
        assertFalse(nojs.path("nameKept").asText().isBlank());
        assertEquals("error-summary", nojs.path("focused").asText(), "without JavaScript too (autofocus)");
        assertTrue(nojs.path("title").asText().startsWith("错误："), nojs.path("title").asText());
    }

    @Test
    void theWholePageIsInEnglishWhenTheBrowserAsks() throws Exception {
        JsonNode s = scenario("english");
        assertEquals("en", s.path("lang").asText());
        assertTrue(s.path("h1").asText().startsWith("Ask "), s.toString());
    }

    @Test
    void thePageWeighsAtMost60KbAndLoadsNothingFromOtherHosts() throws Exception {
        scenario("weight");
        long bytes = results.path("weight").path("bytes").asLong();
        System.out.printf("form page: %d bytes transferred in %d requests%n", bytes,
                results.path("weight").path("requests").size());
        assertTrue(bytes > 0 && bytes <= MAX_PAGE_BYTES, "page weight " + bytes + " B: " + results.path("weight"));
        assertEquals(3, results.path("weight").path("requests").size(), "HTML, CSS and JS only");
        assertEquals(0, results.path("external").size(), "requests to other hosts: " + results.path("external"));
        assertTrue(results.path("fontSize").asDouble() >= 16);
        for (JsonNode t : results.path("targets")) {
            assertTrue(t.path("h").asDouble() >= 44 || t.path("w").asDouble() == 0, "touch target too small: " + t);
        }
    }

    @Test
    void thePagesReflowAt320AndAt200PercentZoomOnAPhone() throws Exception {
        scenario("reflow320");
        scenario("reflow195");
        results.path("reflow").fields().forEachRemaining(e ->
                assertTrue(e.getValue().asInt() <= 0, "horizontal scrolling at " + e.getKey() + ": " + e.getValue()));
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() throws Exception {
        scenario("axe");
        List<String> bad = new ArrayList<>();
        results.path("axe").fields().forEachRemaining(page -> page.getValue().forEach(v -> {
            String impact = v.path("impact").asText();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                bad.add(page.getKey() + ": " + v);
            }
        }));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        assertTrue(results.path("axe").has("formErrors"));
    }

    long applicationsOf(String posterCode) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from application where poster_code = ?")) {
            ps.setString(1, posterCode);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}
