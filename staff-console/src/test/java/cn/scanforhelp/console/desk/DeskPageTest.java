package cn.scanforhelp.console.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.IntakeServiceProcess;
import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The desk and the canned-answer page without JavaScript, against the real intake-service and case-service. */
@QuarkusTest
class DeskPageTest {

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void intake() {
        IntakeServiceProcess.startProcess();
    }

    /** The operator signs in at the desk ("/" is the reviewers' queue: a 403 page for an operator). */
    WebSession operator() {
        WebSession s = new WebSession(base.toString());
        WebSession.Page desk = s.login(s.get("/desk"), "operator");
        assertEquals(200, desk.status(), desk.body());
        return s;
    }

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void enterWithOnlyTheNumberIsALookUpAndAQuestionIsSavedAndListed() {
        WebSession s = operator();
        WebSession.Page desk = s.get("/desk");
        assertEquals(200, desk.status());
        assertEquals("热线接线台", desk.text("h1"));
        assertNotNull(desk.doc().selectFirst("#f-callerPhone[autofocus]"), "the number first");
        assertTrue(desk.text("#shortcuts").contains("Alt+1"), "the shortcuts are on the page");
        String phone = mobile();
        WebSession.Page lookedUp = s.submit(desk, "#call-form", Map.of("callerPhone", phone));
        assertEquals(200, lookedUp.status());
        assertTrue(lookedUp.text("#history-none").contains("没有以往"), lookedUp.text("#history"));
        assertFalse(lookedUp.doc().select(".error-summary").size() > 0, "a look-up is no error");

        Map<String, String> question = new HashMap<>(Map.of("callerPhone", phone, "divisionCode", "620503114",
                "outcome", "QUESTION", "notes", "询问临时救助"));
        question.put("cannedAnswerId", lookedUp.doc().select("#f-answer option").get(1).attr("value"));
        WebSession.Page saved = s.submit(lookedUp, "#call-form", question);
        assertEquals(200, saved.status());
        assertTrue(saved.uri().toString().contains("saved="), saved.uri().toString());
        assertTrue(saved.text("#desk-notice").contains("已保存"));
        assertTrue(saved.text("#today-calls").contains("咨询"), saved.text("#today-calls"));
        WebSession.Page history = s.get("/desk/history?callerPhone=" + phone);
        assertEquals(1, history.doc().select("#history-calls li").size(), history.body());
    }

    @Test
    void anIncompleteApplicationComesBackWithIntakesMessagesAndWhatWasTyped() {
        WebSession s = operator();
        WebSession.Page desk = s.get("/desk");
        WebSession.Page refused = s.submit(desk, "#call-form", Map.of("callerPhone", mobile(),
                "divisionCode", "620503114", "outcome", "APPLICATION", "notes", "代为申请", "description", "腿脚不便"));
        assertEquals(400, refused.status());
        assertTrue(refused.doc().select("#error-summary a[href=#f-name]").size() == 1, refused.text("#error-summary"));
        assertTrue(refused.doc().select("#error-summary a[href=#f-consent]").size() == 1, refused.text("#error-summary"));
        assertEquals("腿脚不便", refused.doc().selectFirst("#f-description").attr("value"));
        assertEquals("true", refused.doc().selectFirst("#f-name").attr("aria-invalid"));
    }

    @Test
    void aComplaintIsAFollowUpUntilClosed() {
        WebSession s = operator();
        WebSession.Page desk = s.get("/desk");
        String note = "投诉村干部态度" + ThreadLocalRandom.current().nextInt(1_000_000);
        WebSession.Page saved = s.submit(desk, "#call-form", Map.of("callerPhone", mobile(),
                "divisionCode", "620503114", "outcome", "COMPLAINT", "notes", note));
        assertTrue(saved.text("#follow-ups").contains(note), saved.text("#follow-ups"));
        String form = saved.doc().select("#follow-ups li").stream().filter(li -> li.text().contains(note)).findFirst()
                .orElseThrow().selectFirst("form").attr("action");
        WebSession.Page closed = s.submit(saved, "form[action=" + form + "]", Map.of("result", "已转镇纪委，已回复来电人"));
        assertEquals(200, closed.status());
        assertTrue(closed.text("#desk-notice").contains("已办结"));
        assertFalse(closed.doc().select("#follow-ups").text().contains(note), "no longer open");
    }

    @Test
    void officersKeepTheCannedAnswersAndReviewersHaveNoDesk() {
        WebSession officer = WebSession.signedIn(base.toString(), "officer");
        WebSession.Page page = officer.get("/answers");
        assertEquals(200, page.status());
        String title = "五保政策" + ThreadLocalRandom.current().nextInt(1_000_000);
        WebSession.Page added = officer.submit(page, "form[action=/answers]", Map.of("title", title,
                "body", "特困人员可申请救助供养。"));
        assertEquals(200, added.status());
        assertTrue(added.text("#answers-notice").contains("已保存"));
        WebSession.Page empty = officer.submit(added, "form[action=/answers]", Map.of("title", "", "body", ""));
        assertEquals(400, empty.status());
        WebSession operator = operator();
        assertTrue(operator.get("/desk").text("#f-answer").contains(title));
        assertEquals(403, WebSession.signedIn(base.toString(), "liqiao").get("/desk").status());
        assertEquals(403, officer.get("/desk").status(), "the desk is the operators'");
    }
}
