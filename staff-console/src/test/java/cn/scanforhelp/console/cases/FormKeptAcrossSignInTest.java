package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/**
 * A reviewer whose session ended while filling an action form, and who presses submit, comes back after
 * signing in again to the same form with what was typed, not sent, to check and send.
 */
@QuarkusTest
class FormKeptAcrossSignInTest {

    @TestHTTPResource("/")
    URI base;

    /** A reason of 1,978 characters: near case-service's limit of 2,000, as a careful refusal can be long. */
    static final String REASON = ("经入户调查核实，申请人家庭共有三口人，其中两人有稳定工作，月收入合计高于本地低保标准的三倍；"
            + "家庭名下另有车辆一辆、商铺一间，不符合《甘肃省最低生活保障办法》规定的财产条件。").repeat(23);

    @Test
    void aFormSentAfterTheSessionEndedIsShownFilledAfterSigningInAgainAndSentOnlyByTheReviewer() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        String path = "/cases/" + c.caseId() + "/actions/NOT_ACCEPT";
        WebSession.Page form = s.get(path);
        assertNotNull(form.doc().selectFirst("#a-reason"), form.body());

        s.dropSession();
        WebSession.Page login = s.submit(form, "#action-form", Map.of("reason", REASON, "note", "已电话告知"));
        assertNotNull(login.doc().selectFirst("form#kc-form-login"), () -> "asked to sign in again: " + login.status()
                + " " + login.uri() + " " + login.text("#notice") + " " + login.text("#error-message") + " " + s.cookieNames()
                + " " + login.body().substring(0, Math.min(400, login.body().length())));
        assertEquals("RECEIVED", Cases.get(c.caseId(), Tokens.liqiao()).path("status").asText(), "nothing sent");
        assertFalse(login.body().contains("八成") || login.body().contains("商铺"), "the values are not in any page");

        WebSession.Page back = s.login(login, "liqiao");
        assertEquals(200, back.status());
        assertEquals(path, back.uri().getPath(), "the same form");
        assertEquals(REASON, back.doc().selectFirst("#a-reason").wholeText().replace("\r\n", "\n").strip());
        assertEquals("已电话告知", back.doc().selectFirst("#a-note").wholeText().strip());
        assertTrue(back.text("#notice").contains("登录已过期"), back.text("#notice"));
        assertEquals("RECEIVED", Cases.get(c.caseId(), Tokens.liqiao()).path("status").asText(), "not sent by itself");
        assertTrue(s.cookieNames().stream().noneMatch(n -> n.startsWith("sfh-draft-")), "the kept form is deleted");

        WebSession.Page done = s.submit(back, "#action-form", Map.of("reason", REASON, "note", "已电话告知"));
        assertEquals(200, done.status(), () -> done.uri() + " " + done.text("#notice") + " " + s.cookieNames() + " "
                + done.body().substring(0, Math.min(300, done.body().length())));
        JsonNode api = Cases.get(c.caseId(), Tokens.liqiao());
        assertEquals("NOT_ACCEPTED", api.path("status").asText());
        assertEquals(REASON, api.path("reason").asText());
    }

    @Test
    void theTickedMaterialsAndTheVersionTypedAgainstAreKeptToo() {
        Cases.Opened c = Cases.open("620503114", "DIBAO");
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/REQUEST_MATERIALS");
        s.dropSession();
        WebSession.Page login = s.submitMulti(form, "#action-form", List.of(Map.entry("materials-pick", "户口簿复印件"),
                Map.entry("materials", "村委会证明")));
        // meanwhile a colleague changes the case: the kept form must not overwrite that silently
        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "CLASSIFY", "type", "TEKUN"));
        WebSession.Page back = s.login(login, "liqiao");
        assertTrue(back.doc().select("#a-materials-checklist input[checked]").eachAttr("value").contains("户口簿复印件"),
                () -> back.status() + " " + back.uri() + " " + back.text("#notice") + " " + s.cookieNames());
        assertEquals("村委会证明", back.doc().selectFirst("#a-materials") == null ? null
                : back.doc().selectFirst("#a-materials").wholeText().strip());
        WebSession.Page late = s.submitMulti(back, "#action-form", List.of(Map.entry("materials-pick", "户口簿复印件"),
                Map.entry("materials", "村委会证明")));
        assertEquals(409, late.status(), "the version it was typed against is stale: 412, shown as a conflict");
        assertTrue(late.text("#notice").contains("他人修改"), late.text("#notice"));
        JsonNode api = Cases.get(c.caseId(), Tokens.liqiao());
        assertEquals(0, StreamSupport.stream(api.path("history").spliterator(), false)
                .filter(h -> "REQUEST_MATERIALS".equals(h.path("action").asText())).count());
    }
}
