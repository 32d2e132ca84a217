package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The case page and its forms against the real case-service. */
@QuarkusTest
class CasePageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theApplicantIsMaskedUntilARevealWithAReasonWhichIsAudited() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page p = s.get("/cases/" + c.caseId());
        assertEquals(200, p.status());
        assertFalse(p.body().contains(c.idNumber()) || p.body().contains(c.name()) || p.body().contains(c.phone()));
        assertTrue(p.text("#applicant-id").contains("********"), p.text("#applicant-id"));

        WebSession.Page noReason = s.submit(p, "form.reveal", Map.of("reason", ""));
        assertEquals(400, noReason.status());
        assertTrue(noReason.text("#reveal-error").contains("必填"), noReason.text("#reveal-error"));
        assertFalse(noReason.body().contains(c.idNumber()));

        WebSession.Page shown = s.submit(p, "form.reveal", Map.of("reason", "电话核实申请人身份"));
        assertEquals(200, shown.status());
        assertEquals(c.idNumber(), shown.text("#applicant-id"));
        assertEquals(c.name(), shown.text("#applicant-name"));
        assertNotNull(shown.doc().selectFirst("#revealed-note"));
        JsonNode audit = Cases.audit(c.caseId());
        assertTrue(StreamSupport.stream(audit.spliterator(), false).anyMatch(e -> "REVEAL".equals(e.path("action").asText())
                && e.path("detail").asText().contains("电话核实申请人身份") && "liqiao".equals(e.path("actor").asText())),
                audit.toString());
    }

    @Test
    void eachAllowedActionOpensAFormWithExactlyTheFieldsOfItsRow() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page p = s.get("/cases/" + c.caseId());
        List<String> buttons = p.doc().select("#action-buttons a").eachAttr("data-action");
        JsonNode api = Cases.get(c.caseId(), Tokens.liqiao());
        List<String> allowed = StreamSupport.stream(api.path("allowedActions").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertEquals(allowed, buttons, "exactly the actions case-service allows now");
        assertTrue(p.doc().select("#action-buttons a").eachText().contains("一次性告知补充材料"));

        WebSession.Page materials = s.get("/cases/" + c.caseId() + "/actions/REQUEST_MATERIALS");
        // the fields (hidden ones and the SMS preview's button aside)
        String fields = "#action-form [name]:not([type=hidden]):not(button)";
        assertEquals(List.of("materials", "note"), materials.doc().select(fields)
                .eachAttr("name").stream().map(n -> n.replace("-pick", "")).distinct().toList());
        assertEquals("textarea", materials.doc().selectFirst("#a-materials").tagName());
        WebSession.Page accept = s.get("/cases/" + c.caseId() + "/actions/ACCEPT");
        assertEquals(List.of("note"), accept.doc().select(fields).eachAttr("name"));
        WebSession.Page classify = s.get("/cases/" + c.caseId() + "/actions/CLASSIFY");
        assertTrue(classify.doc().select("#a-type option").eachAttr("value").contains("TEMPORARY"));
        assertFalse(classify.doc().select("#a-type option").eachAttr("value").contains("UNCLASSIFIED"));
    }

    @Test
    void theMaterialsFormOffersTheTypesUsualMaterialsAndSendsTheTickedAndTypedItemsAtOnce() {
        Cases.Opened c = Cases.open("620503114", "DIBAO");
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/REQUEST_MATERIALS");
        List<String> usual = form.doc().select("#a-materials-checklist input[type=checkbox]").eachAttr("value");
        assertTrue(usual.contains("家庭收入证明") && usual.contains("户口簿复印件"), usual.toString());
        WebSession.Page done = s.submitMulti(form, "#action-form", List.of(Map.entry("materials-pick", "户口簿复印件"),
                Map.entry("materials-pick", "家庭收入证明"), Map.entry("materials", "村委会证明")));
        assertEquals(200, done.status(), done.body());
        JsonNode step = StreamSupport.stream(Cases.get(c.caseId(), Tokens.liqiao()).path("history").spliterator(), false)
                .filter(h -> "REQUEST_MATERIALS".equals(h.path("action").asText())).findFirst().orElseThrow();
        assertEquals("materials: 户口簿复印件；家庭收入证明；村委会证明", step.path("details").asText());

        // the case page says what was asked for, and that the resident's clock waits for it
        WebSession.Page paused = s.get("/cases/" + c.caseId());
        assertTrue(paused.text("#materials-requested").contains("家庭收入证明"), paused.text("#materials-requested"));
        assertEquals("PAUSED", paused.doc().selectFirst("#materials").attr("data-clock"));
        assertTrue(paused.text("#materials-clock").contains("暂停"), paused.text("#materials-clock"));
        // once the materials are in, when the clock resumed
        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "RECEIVE_MATERIALS"));
        WebSession.Page resumed = s.get("/cases/" + c.caseId());
        assertEquals("RESUMED", resumed.doc().selectFirst("#materials").attr("data-clock"));
        assertTrue(resumed.text("#materials-clock").contains("恢复计时"), resumed.text("#materials-clock"));
    }

    @Test
    void aMissingFieldShowsTheServersMessageAndKeepsWhatWasTyped() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/REQUEST_MATERIALS");
        WebSession.Page r = s.submit(form, "#action-form", Map.of("materials", "", "note", "电话联系过"));
        assertEquals(400, r.status());
        assertTrue(r.text("#a-materials-error").contains("REQUEST_MATERIALS"), r.body());
        assertEquals("电话联系过", r.doc().selectFirst("#a-note").text());
        assertNotNull(r.doc().selectFirst("#error-summary a[href=#a-materials]"));
        assertEquals("RECEIVED", Cases.get(c.caseId(), Tokens.liqiao()).path("status").asText());
    }

    @Test
    void anActionSentWithAStaleVersionShowsTheFreshCaseAndChangesNothing() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession a = WebSession.signedIn(base.toString(), "liqiao");
        WebSession b = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page formA = a.get("/cases/" + c.caseId() + "/actions/ACCEPT");
        WebSession.Page formB = b.get("/cases/" + c.caseId() + "/actions/REQUEST_MATERIALS");
        WebSession.Page done = a.submit(formA, "#action-form", Map.of("note", "材料齐全"));
        assertEquals(200, done.status());
        assertTrue(done.text("#notice").contains("受理"), done.text("#notice"));
        WebSession.Page late = b.submit(formB, "#action-form", Map.of("materials", "户口簿"));
        assertEquals(409, late.status());
        assertTrue(late.text("#notice").contains("他人修改"), late.text("#notice"));
        assertEquals("调查核对中", late.text("#case-status"), "the fresh case");
        JsonNode api = Cases.get(c.caseId(), Tokens.liqiao());
        assertEquals("INVESTIGATION", api.path("status").asText());
        assertEquals(1, StreamSupport.stream(api.path("history").spliterator(), false)
                .filter(h -> "ACCEPT".equals(h.path("action").asText()) || "REQUEST_MATERIALS".equals(h.path("action").asText()))
                .count());
    }

    @Test
    void aTemporaryCaseIsTakenToApprovalStepByStepEachInTheTimeline() {
        Cases.Opened c = Cases.open("620503114", "TEMPORARY");
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        step(s, c, "REQUEST_MATERIALS", Map.of("materials", "户口簿复印件\n医院诊断证明"));
        step(s, c, "RECEIVE_MATERIALS", Map.of());
        step(s, c, "ACCEPT", Map.of("note", "材料齐全"));
        Cases.investigate(c.caseId());
        step(s, c, "COMPLETE_INVESTIGATION", Map.of("note", "两人入户"));
        WebSession.Page p = step(s, c, "APPROVE", Map.of("amount", "2000"));
        assertEquals("已批准", p.text("#case-status"));
        List<String> timeline = p.doc().select("#timeline li").eachAttr("data-action");
        assertTrue(timeline.containsAll(List.of("一次性告知补充材料", "材料已补齐", "受理", "完成入户调查", "批准")), timeline.toString());
        assertTrue(p.text("#timeline").contains("户口簿复印件；医院诊断证明"));
        assertNull(p.doc().selectFirst("#action-form"));
    }

    @Test
    void aCaseOfAnotherTownshipOrNoneIsANotFoundPageNeverAStackTrace() {
        Cases.Opened other = Cases.open("620503116", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page p = s.get("/cases/" + other.caseId());
        assertEquals(404, p.status());
        assertTrue(p.text("#error-message").contains("不在您的辖区"));
        assertFalse(p.body().contains(other.trackingNumber()));
        assertEquals(404, s.get("/cases/not-a-uuid").status());
        WebSession.Page act = s.post("/cases/" + other.caseId() + "/actions/ACCEPT", Map.of("version", "0"));
        assertTrue(act.status() == 400 || act.status() == 403 || act.status() == 404, "no CSRF token: refused " + act.status());
    }

    private static WebSession.Page step(WebSession s, Cases.Opened c, String action, Map<String, String> values) {
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/" + action);
        assertNotNull(form.doc().selectFirst("#action-form"), action + " is not offered: " + form.body());
        WebSession.Page r = s.submit(form, "#action-form", values);
        assertEquals(200, r.status(), action + ": " + r.text("#notice"));
        assertTrue(r.uri().toString().contains("done=" + action), r.uri().toString());
        return r;
    }
}
