package cn.scanforhelp.console.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The district officer's sampling checks (抽查) against the real case-service: the draw form, the sampling's page with
 * each drawn case and its check form, refusals at the fields, the statistics. Township 620503110 is no other test's.
 */
@QuarkusTest
class SamplingPageTest {

    static final String TOWNSHIP = "620503110";

    @TestHTTPResource("/")
    URI base;

    /** A case of the township decided two days ago (case-service's clock is the system's, as for makeOverdue). */
    static Cases.Opened decided(String type, String status) {
        Cases.Opened c = Cases.open(TOWNSHIP, type);
        Cases.sql("update case_file set status = '" + status + "', decided_at = now() - interval '2 days'"
                + " where id = ?", c.caseId());
        return c;
    }

    @Test
    void otherRolesGetThe403PageAndNoLink() {
        for (String user : new String[] {"dangchuan", "operator"}) {
            WebSession s = new WebSession(base.toString());
            s.signIn(user);
            WebSession.Page p = s.get("/sampling");
            assertEquals(403, p.status(), user);
            assertTrue(p.text("#error-message").contains("抽查"), p.body());
        }
        assertNull(WebSession.signedIn(base.toString(), "dangchuan").get("/").doc().selectFirst("#nav-sampling"));
    }

    @Test
    void anOfficerDrawsASampleAndRecordsTheChecks() {
        Set<String> tracking = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            tracking.add(decided("TEKUN", i == 0 ? "REJECTED" : "APPROVED").trackingNumber());
        }
        tracking.add(decided("DIBAO", "APPROVED").trackingNumber());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        WebSession s = WebSession.signedIn(base.toString(), "officer");
        assertNotNull(s.get("/").doc().selectFirst("#nav-sampling[href=/sampling]"), "the officer's navigation has it");
        WebSession.Page list = s.get("/sampling");
        assertEquals(200, list.status(), list.body());
        assertNotNull(list.doc().selectFirst("#township option[value=" + TOWNSHIP + "]"), list.body());
        assertNotNull(list.doc().selectFirst("#draw-form input[name=csrf-token]"), "the form carries the CSRF token");
        assertNotNull(list.doc().selectFirst("label[for=from]"));

        // refused at the fields: the period reversed (case-service's 400), a township outside the scope (its 403)
        WebSession.Page reversed = s.submit(list, "#draw-form", Map.of("township", TOWNSHIP,
                "from", today.toString(), "to", today.minusDays(3).toString()));
        assertEquals(400, reversed.status(), reversed.body());
        assertNotNull(reversed.doc().selectFirst("#error-summary a[href=\"#to\"]"), reversed.body());
        assertEquals("true", reversed.doc().selectFirst("#to").attr("aria-invalid"));
        WebSession.Page outside = s.submit(list, "#draw-form", Map.of("township", "620502101",
                "from", today.minusDays(10).toString(), "to", today.toString()));
        assertEquals(403, outside.status(), outside.body());
        assertTrue(outside.text("#township-error").contains("管辖"), outside.body());

        // the draw: 2 TEKUN (0.30 × 4, rounded up) and 1 DIBAO (at least one)
        WebSession.Page drawn = s.submit(list, "#draw-form", Map.of("township", TOWNSHIP,
                "from", today.minusDays(10).toString(), "to", today.toString()));
        assertEquals(200, drawn.status(), drawn.body());
        assertTrue(drawn.uri().getPath().startsWith("/sampling/"), drawn.uri().toString());
        assertTrue(drawn.text("#notice").contains("3"), drawn.body());
        List<Element> cases = drawn.doc().select("section.sampled-case");
        assertEquals(3, cases.size(), drawn.body());
        for (Element c : cases) {
            Element link = c.selectFirst("a.tracking");
            assertTrue(tracking.contains(link.text()), link.text());
            assertEquals("/cases/" + c.attr("data-case"), link.attr("href"), "each case links to its page");
            assertTrue(c.text().contains("王*"), "the masked name only: " + c.text());
            assertNotNull(c.selectFirst("form.check-form input[name=csrf-token]"));
        }

        // a problem without a note: 400 at that case's note, the choice kept
        String first = cases.get(0).attr("data-case");
        String form = "#case-" + first + " form.check-form";
        WebSession.Page noNote = s.submit(drawn, form, Map.of("outcome", "PROBLEM_FOUND"));
        assertEquals(400, noNote.status(), noNote.body());
        assertNotNull(noNote.doc().selectFirst("#error-summary a[href=\"#note-" + first + "\"]"), noNote.body());
        assertNotNull(noNote.doc().selectFirst("#outcome-" + first + "-PROBLEM_FOUND[checked]"));
        // recorded with its note
        WebSession.Page checked = s.submit(drawn, form, Map.of("outcome", "PROBLEM_FOUND", "note", "漏计转移性收入"));
        assertEquals(200, checked.status(), checked.body());
        assertTrue(checked.text("#notice").contains(cases.get(0).selectFirst("a.tracking").text()));
        Element done = checked.doc().selectFirst("#case-" + first);
        assertTrue(done.selectFirst(".badge").text().contains("发现问题"), done.text());
        assertEquals("漏计转移性收入", done.selectFirst("dd.note").text());
        assertTrue(done.selectFirst("dd.checked-by").text().contains("officer"));
        String second = cases.get(1).attr("data-case");
        assertEquals(200, s.submit(checked, "#case-" + second + " form.check-form", Map.of("outcome", "CONFIRMED"))
                .status());

        // the list and the statistics count them
        WebSession.Page after = s.get("/sampling");
        String id = drawn.uri().getPath().substring("/sampling/".length());
        Element row = after.doc().selectFirst("#t-samplings tr[data-sampling=" + id + "]");
        assertNotNull(row, after.body());
        assertEquals("3", row.selectFirst(".n-sampled").text());
        assertEquals("2", row.selectFirst(".n-checked").text());
        assertEquals("1", row.selectFirst(".n-problems").text());
        assertTrue(after.doc().select("#t-sampling-stats tbody tr").stream()
                .anyMatch(r -> r.text().contains("党川镇") && r.text().contains("特困")), after.body());

        // English
        WebSession en = new WebSession(base.toString()).language("en");
        en.signIn("officer");
        WebSession.Page english = en.get("/sampling/" + id);
        assertEquals(200, english.status());
        assertTrue(english.text("h1").startsWith("Sampling of"), english.text("h1"));
    }
}
