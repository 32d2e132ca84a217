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
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The referral tasks (转办) on the case page, without JavaScript: a referred MEDICAL case lists its referral
 * from case-service; a second department is added (an unknown one refused at the field in case-service's
 * Chinese), one is acknowledged, one is done with its answer (an empty answer refused at its field); once all are
 * done, the case's RECORD_REFERRAL_OUTCOME step closes it.
 */
@QuarkusTest
class ReferralTasksPageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void referralsAreAddedAcknowledgedAndDoneFromTheCasePage() {
        Cases.Opened c = Cases.open("620503114", "MEDICAL");
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page before = s.get("/cases/" + c.caseId());
        assertNull(before.doc().selectFirst("#referrals-title"), "never referred: no task list");

        step(s, c, "ACCEPT", Map.of());
        WebSession.Page referred = step(s, c, "REFER", Map.of("department", "医疗保障局"));
        List<Element> rows = referred.doc().select("#referrals tbody tr");
        assertEquals(1, rows.size(), referred.doc().select("#referrals-title ~ *").outerHtml());
        assertEquals("医疗保障局", rows.get(0).selectFirst("th").text());
        assertEquals("已转办", rows.get(0).selectFirst(".referral-state").text());
        assertTrue(rows.get(0).select("td").get(1).text().matches("\\d{4}-\\d{2}-\\d{2}.*"), "a due date");

        // a department case-service does not know (a crafted post): its 400, at the field
        WebSession.Page unknown = s.submit(referred, "#referral-add", Map.of("department", "不存在的局"));
        assertEquals(400, unknown.status());
        assertEquals("true", unknown.doc().selectFirst("#referral-department-input").attr("aria-invalid"));
        assertTrue(unknown.text("#referral-department-error").contains("住房和城乡建设局"),
                unknown.text("#referral-department-error"));

        WebSession.Page added = s.submit(unknown, "#referral-add", Map.of("department", "住房和城乡建设局"));
        assertEquals(200, added.status(), added.text("#notice"));
        assertEquals("已转办并开始计时。", added.text("#notice"));
        assertEquals(2, added.doc().select("#referrals tbody tr").size());

        // the choice offers the departments case-service knows, not those with an open referral
        assertTrue(added.doc().select("#referral-department-input option").stream()
                .noneMatch(o -> o.val().equals("住房和城乡建设局") || o.val().equals("医疗保障局")));
        assertNotNull(added.doc().selectFirst("#referral-department-input option[value=教育局]"));
        // the same department again while its referral is open (a stale page, a crafted post): 409 at the field
        WebSession.Page twice = s.submit(added, "#referral-add", Map.of("department", "住房和城乡建设局"));
        assertEquals(409, twice.status());
        assertNotNull(twice.doc().selectFirst("#referral-department-error"));

        String medical = row(twice, "医疗保障局").attr("data-referral");
        WebSession.Page acked = s.submit(twice, "#referral-forms-" + medical + " form.referral-ack", Map.of());
        assertEquals(200, acked.status(), acked.text("#notice"));
        assertEquals("已签收", row(acked, "医疗保障局").selectFirst(".referral-state").text());
        assertNull(acked.doc().selectFirst("#referral-forms-" + medical + " form.referral-ack"), "acknowledged once");

        // done without an answer: refused at the answer's field
        WebSession.Page empty = s.submit(acked, "#referral-forms-" + medical + " form.referral-done",
                Map.of("outcome", " "));
        assertEquals(400, empty.status());
        assertNotNull(empty.doc().selectFirst("#outcome-" + medical + "-error"), empty.text("#notice"));

        WebSession.Page done = s.submit(empty, "#referral-forms-" + medical + " form.referral-done",
                Map.of("outcome", "已纳入医疗救助，报销八成"));
        assertEquals(200, done.status(), done.text("#notice"));
        Element medicalRow = row(done, "医疗保障局");
        assertEquals("已办结", medicalRow.selectFirst(".referral-state").text());
        assertTrue(medicalRow.selectFirst(".referral-answer").text().contains("已纳入医疗救助，报销八成"));

        // the last one done
        String housing = row(done, "住房和城乡建设局").attr("data-referral");
        WebSession.Page last = s.submit(done, "#referral-forms-" + housing + " form.referral-done",
                Map.of("outcome", "已纳入危房改造计划"));
        assertEquals(200, last.status(), last.text("#notice"));
        assertEquals("已办结", row(last, "住房和城乡建设局").selectFirst(".referral-state").text());
        assertTrue(last.doc().select(".referral-forms").isEmpty(), "nothing left to do");
        // closing the case stays the procedure's step (RECORD_REFERRAL_OUTCOME), case-service's rule
        assertEquals("REFERRED", Cases.get(c.caseId(), cn.scanforhelp.infra.testing.Tokens.liqiao()).path("status").asText());
        WebSession.Page closed = step(s, c, "RECORD_REFERRAL_OUTCOME", Map.of("outcome", "两部门均已办结"));
        assertEquals("CLOSED", Cases.get(c.caseId(), cn.scanforhelp.infra.testing.Tokens.liqiao()).path("status").asText());
        assertTrue(closed.doc().select("#referral-add").isEmpty(), "no more referrals once closed");

        WebSession.Page en = s.language("en").get("/cases/" + c.caseId());
        assertEquals("Referral tasks", en.text("#referrals-title"));
        assertEquals("Done", row(en, "医疗保障局").selectFirst(".referral-state").text());
    }

    @Test
    void aReferralFormWithoutTheCsrfTokenOrWithAStaleVersionSendsNothing() {
        Cases.Opened c = Cases.open("620503114", "MEDICAL");
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        step(s, c, "ACCEPT", Map.of());
        WebSession.Page referred = step(s, c, "REFER", Map.of("department", "医疗保障局"));
        WebSession.Page forged = s.post("/cases/" + c.caseId() + "/referrals", Map.of("department", "教育局",
                "version", referred.doc().selectFirst("#referral-add input[name=version]").val()));
        assertTrue(forged.status() >= 400, "refused without the CSRF token: " + forged.status());
        // someone else acted meanwhile: the page's version is stale
        Cases.callIfMatch("POST", "/api/v1/cases/" + c.caseId() + "/referrals", c.caseId(),
                cn.scanforhelp.infra.testing.Tokens.liqiao(), Map.of("department", "教育局"));
        WebSession.Page stale = s.submit(referred, "#referral-add", Map.of("department", "应急管理局"));
        assertEquals(409, stale.status());
        assertEquals(2, stale.doc().select("#referrals tbody tr").size(), "应急管理局 was not sent");
    }

    private static Element row(WebSession.Page p, String department) {
        return p.doc().select("#referrals tbody tr").stream()
                .filter(r -> department.equals(r.selectFirst("th").text())).findFirst()
                .orElseThrow(() -> new AssertionError(department + " not listed: " + p.doc().select("#referrals").outerHtml()));
    }

    static WebSession.Page step(WebSession s, Cases.Opened c, String action, Map<String, String> values) {
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/" + action);
        assertNotNull(form.doc().selectFirst("#action-form"), action + " is not offered: " + form.text("#notice"));
        WebSession.Page r = s.submit(form, "#action-form", values);
        assertEquals(200, r.status(), action + ": " + r.text("#notice"));
        return r;
    }
}
