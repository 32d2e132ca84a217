package cn.scanforhelp.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.scanforhelp.infra.testing.BrowserScript;
import cn.scanforhelp.console.CaseServiceProcess;
import cn.scanforhelp.console.Cases;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The reviewer's workspace in a real headless Chromium at 1366×768, driven by
 * {@code src/test/browser/console-e2e.js} (playwright-core and axe-core from {@code SFH_NODE_MODULES}, else the
 * repository's {@code .ci/node_modules}; Debian's chromium), against the console and the real case-service.
 * Screenshots and the script's results land in {@code target/browser/}. Missing tools fail the build in CI;
 * elsewhere the test is skipped loudly.
 */
@QuarkusTest
class ConsoleBrowserTest {

    @TestHTTPResource("/")
    URL base;

    static JsonNode results;
    static Map<String, Cases.Opened> cases = new LinkedHashMap<>();
    static final String REASON = "电话核实申请人身份";
    static final String LONG_REASON = "经入户调查核实，申请人家庭成员中两人有稳定工作，月收入合计高于本地低保标准；家庭名下另有商铺一间。"
            .repeat(12);

    synchronized void runBrowser() throws Exception {
        if (results != null) {
            return;
        }
        BrowserScript browser = BrowserScript.require();
        // this run's applicants share a name of their own, so the queue's search (a name typed whole) shows
        // exactly this run's cases
        String chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";
        java.util.Random random = new java.util.Random();
        String token = "欧阳" + chars.charAt(random.nextInt(chars.length())) + chars.charAt(random.nextInt(chars.length()));
        String description = "丈夫住院，无力支付医药费";
        cases.put("temporary", Cases.open("620503114", "TEMPORARY", description, token));
        cases.put("dibao", Cases.open("620503114", "DIBAO", description, token));
        cases.put("conflict", Cases.open("620503114", null, description, token));
        cases.put("nojs", Cases.open("620503114", null, description, token));
        cases.put("foreign", Cases.open("620503116", "TEMPORARY", description, token));
        cases.put("materials", Cases.open("620503114", "DIBAO", description, token));
        cases.put("expiry", Cases.open("620503114", null, description, token));
        // referred to 医疗保障局 by REFER; the browser adds two more departments
        Cases.Opened referral = Cases.open("620503114", "MEDICAL", description, token);
        Cases.act(referral.caseId(), Tokens.liqiao(), Map.of("action", "ACCEPT"));
        Cases.act(referral.caseId(), Tokens.liqiao(), Map.of("action", "REFER", "department", "医疗保障局"));
        cases.put("referral", referral);
        cases.put("amount", Cases.dibaoNoticeEnded());
        Map<String, Object> arriving = Cases.application("620503114", null, description, token);

        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("base", base.toString().replaceAll("/$", ""));
        cfg.put("queuePath", "/?text=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
        cfg.put("caseService", CaseServiceProcess.url());
        cfg.put("serviceToken", Tokens.intakeService());
        cfg.put("arriving", arriving);
        cfg.put("revealReason", REASON);
        cfg.put("longReason", LONG_REASON);
        cases.forEach((k, v) -> cfg.put(k, Map.of("caseId", v.caseId(), "trackingNumber", v.trackingNumber())));
        JsonNode read = browser.run("console-e2e.js", cfg, "results.json", Duration.ofSeconds(240));
        results = read;
    }

    JsonNode scenario(String name) throws Exception {
        runBrowser();
        JsonNode s = results.path("scenarios").path(name);
        assertTrue(s.path("ok").asBoolean(), () -> name + " failed: " + s.path("error").asText() + "\nerror answers: "
                + s.path("errors"));
        return s;
    }

    @Test
    void aReviewerSignsInSeesTheNewCaseRevealsWithAReasonAndTakesItToApproval() throws Exception {
        JsonNode s = scenario("journey");
        assertEquals("zh-CN", s.path("lang").asText());
        assertEquals("案件队列", s.path("h1").asText());
        assertEquals("[1366,768]", s.path("viewport").toString());
        assertTrue(s.path("horizontalScroll").asInt() <= 0, "no horizontal scrolling at 1366×768");
        assertTrue(s.path("seesTemporary").asBoolean());
        assertTrue(s.path("arrivedWithoutReload").asBoolean(), "a new case appears in the open queue (htmx polling)");
        Cases.Opened t = cases.get("temporary");
        assertTrue(s.path("maskedId").asText().contains("********"), s.path("maskedId").asText());
        assertEquals(t.idNumber(), s.path("revealedId").asText());
        JsonNode audit = Cases.audit(t.caseId());
        assertTrue(StreamSupport.stream(audit.spliterator(), false).anyMatch(e -> "REVEAL".equals(e.path("action").asText())
                && "liqiao".equals(e.path("actor").asText()) && e.path("detail").asText().contains(REASON)),
                audit.toString());
        assertTrue(list(s.path("afterMaterials")).contains("一次性告知补充材料"));
        assertTrue(list(s.path("afterAccept")).contains("受理"));
        assertTrue(s.path("investigators").asText().contains("王五（wangwu）"), s.path("investigators").asText());
        assertTrue(list(s.path("afterInvestigation")).contains("完成入户调查"));
        assertTrue(list(s.path("finalTimeline")).containsAll(List.of("一次性告知补充材料", "材料已补齐", "受理",
                "完成入户调查", "批准")), s.path("finalTimeline").toString());
        assertEquals("已批准", s.path("finalStatus").asText());
        assertEquals("APPROVED", Cases.get(t.caseId(), Tokens.liqiao()).path("status").asText());
        assertTrue(s.path("noticeNotice").asText().contains("开始公示"));
        assertTrue(list(s.path("dibaoTimeline")).contains("开始公示"));
        assertEquals("公示中", s.path("dibaoStatus").asText());
        assertEquals(0, s.path("jsErrors").size(), s.path("jsErrors").toString());
        assertTrue(list(s.path("smsEvents")).contains("RECEIVED"), "the SMS on the case page: " + s.path("smsEvents"));
    }

    @Test
    void aFormSubmittedAfterTheSessionEndedIsBackFilledAfterSigningInAndSentOnlyWhenTheReviewerSubmits()
            throws Exception {
        JsonNode s = scenario("expiry");
        assertTrue(s.path("askedToSignIn").asBoolean());
        assertEquals("/cases/" + cases.get("expiry").caseId() + "/actions/NOT_ACCEPT", s.path("backAt").asText());
        assertEquals(LONG_REASON, s.path("reason").asText());
        assertEquals("已电话告知", s.path("note").asText());
        assertTrue(s.path("notice").asText().contains("登录已过期"), s.path("notice").asText());
        assertEquals("已接收", s.path("statusBeforeSubmit").asText(), "not sent by itself");
        assertEquals("不予受理", s.path("statusAfterSubmit").asText());
        JsonNode api = Cases.get(cases.get("expiry").caseId(), Tokens.liqiao());
        assertEquals("NOT_ACCEPTED", api.path("status").asText());
        assertEquals(LONG_REASON, api.path("reason").asText());
    }

    @Test
    void aCaseOfAnotherTownshipAppearsNowhere() throws Exception {
        JsonNode s = scenario("journey");
        assertFalse(s.path("seesForeign").asBoolean(), "not in the queue");
        assertEquals(404, s.path("foreignStatus").asInt());
        assertFalse(s.path("foreignShown").asBoolean(), "not by its address");
        assertFalse(s.path("foreignInSearch").asBoolean(), "not by searching for it");
    }

    @Test
    void whenAnotherReviewerActedFirstTheSecondSeesA412MessageAndTheFreshCase() throws Exception {
        JsonNode s = scenario("conflict");
        assertEquals(409, s.path("status").asInt());
        assertTrue(s.path("notice").asText().contains("他人修改"), s.path("notice").asText());
        assertEquals("调查核对中", s.path("freshStatus").asText());
        assertEquals("INVESTIGATION", Cases.get(cases.get("conflict").caseId(), Tokens.liqiao()).path("status").asText());
    }

    @Test
    void withoutJavaScriptTheReadPathsAndAnActionWorkAsFullPages() throws Exception {
        JsonNode s = scenario("nojs");
        assertTrue(s.path("queueRows").asInt() >= 1);
        assertTrue(s.path("caseTitle").asText().contains(cases.get("nojs").trackingNumber()));
        assertTrue(s.path("deadlines").asInt() >= 1);
        assertTrue(s.path("notice").asText().contains("受理"));
        assertTrue(list(s.path("timeline")).contains("受理"));
    }

    @Test
    void theWorkspaceIsInEnglishWhenTheBrowserAsks() throws Exception {
        JsonNode s = scenario("english");
        assertEquals("en", s.path("lang").asText());
        assertEquals("Case queue", s.path("h1").asText());
        assertTrue(list(s.path("caseH2")).contains("History"), s.path("caseH2").toString());
        assertTrue(s.path("checklist").asInt() >= 3, "the usual materials of a DIBAO case are offered");
    }

    @Test
    void keyboardLargeTextAndPrintWork() throws Exception {
        JsonNode s = scenario("keyboard");
        assertEquals("skip", s.path("firstFocus").asText(), "the first Tab reaches the skip link");
        assertTrue(s.path("firstOutline").asDouble() >= 2, "focus is visible");
        assertEquals("main", s.path("afterSkip").asText());
        assertTrue(s.path("nextFocusOutline").asDouble() >= 2);
        assertTrue(s.path("largeFont").asDouble() >= 24, "large text: 18 pt body (" + s.path("largeFont") + " px)");
        assertTrue(s.path("largeFont").asDouble() > s.path("normalFont").asDouble());
        assertTrue(s.path("largeScroll").asInt() <= 0, "large text still fits 1366 px");
        assertEquals("none", s.path("printNav").asText());
        assertEquals("none", s.path("printActions").asText());
        assertFalse("none".equals(s.path("printTimeline").asText()));
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsInEitherLanguage() throws Exception {
        scenario("journey");
        scenario("english");
        scenario("tasks");
        List<String> bad = new ArrayList<>();
        results.path("axe").fields().forEachRemaining(page -> page.getValue().forEach(v -> {
            String impact = v.path("impact").asText();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                bad.add(page.getKey() + ": " + v);
            }
        }));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        for (String page : List.of("queue-zh", "case-zh", "materials-form-zh", "queue-en", "case-en", "form-en",
                "materials-form-en", "referrals-zh", "approve-form-zh", "approve-refused-zh")) {
            assertTrue(results.path("axe").has(page), page);
        }
    }

    @Test
    void referralsAreAddedAcknowledgedAndDoneInPlace() throws Exception {
        JsonNode s = scenario("tasks");
        assertEquals("{\"医疗保障局\":\"SENT\"}", s.path("before").toString());
        assertEquals(3, s.path("afterAdd").size(), s.path("afterAdd").toString());
        assertEquals("SENT", s.path("afterAdd").path("教育局").asText());
        assertEquals("ACKNOWLEDGED", s.path("afterAck").path("住房和城乡建设局").asText());
        assertEquals("DONE", s.path("afterDone").path("住房和城乡建设局").asText());
        assertTrue(s.path("answer").asText().contains("已纳入危房改造计划"), s.path("answer").asText());
        assertEquals("/cases/" + cases.get("referral").caseId(), s.path("url").asText(), "htmx: in place");
        JsonNode api = Cases.call("GET", "/api/v1/cases/" + cases.get("referral").caseId() + "/referrals",
                Tokens.liqiao(), null);
        assertEquals(3, api.size());
    }

    @Test
    void anApprovalWhoseAmountDiffersIsRefusedWithoutAReasonAndAcceptedWithOne() throws Exception {
        JsonNode s = scenario("tasks");
        assertEquals("700.00", s.path("prefilled").asText());
        assertEquals("700.00 元", s.path("computed").asText());
        assertTrue(s.path("previewBefore").asText().contains("700"), s.path("previewBefore").asText());
        assertTrue(s.path("previewWaits").asBoolean(), "a changed amount without its reason is no SMS yet: "
                + s.path("previewWaiting").asText());
        assertTrue(s.path("previewWaiting").asText().contains("填好必填项"), s.path("previewWaiting").asText());
        assertTrue(s.path("previewFollows").asBoolean(), "the SMS preview follows the amount: "
                + s.path("previewAfter").asText());
        assertEquals(400, s.path("refusedStatus").asInt());
        assertTrue(s.path("reasonError").asText().contains("700"), s.path("reasonError").asText());
        assertEquals("800", s.path("keptAmount").asText());
        assertEquals("已批准", s.path("approvedStatus").asText());
        JsonNode amount = Cases.call("GET", "/api/v1/cases/" + cases.get("amount").caseId() + "/amount",
                Tokens.liqiao(), null);
        assertEquals("OVERRIDDEN", amount.path("basis").asText());
        assertEquals(0, s.path("jsErrors").size(), s.path("jsErrors").toString());
    }

    static List<String> list(JsonNode n) {
        List<String> l = new ArrayList<>();
        n.forEach(x -> l.add(x.asText()));
        return l;
    }
}
