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
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A duplicate linked to a case by its ID number is shown as awaiting confirmation, with a "confirm link" button
 * (a CSRF-protected form, htmx when there is JavaScript) that calls case-service's confirm-link with the
 * reviewer's token and the case's version.
 */
@QuarkusTest
class LinkConfirmationPageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void anUnconfirmedDuplicateHasAConfirmButtonThatConfirmsItInCaseService() {
        Cases.Opened c = Cases.open("620503114", null);
        String tracking = Cases.trackingNumber();
        String appId = Cases.duplicate(c, tracking);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page p = s.get("/cases/" + c.caseId());
        assertEquals(200, p.status());
        var form = p.doc().selectFirst("form.confirm-link[data-application=" + appId + "]");
        assertNotNull(form, "a confirm form for the duplicate: " + p.doc().select("#apps").outerHtml());
        assertEquals("post", form.attr("method"));
        assertEquals("/cases/" + c.caseId() + "/applications/" + appId + "/confirm-link", form.attr("action"));
        assertNotNull(form.selectFirst("input[type=hidden][name=csrf-token]"), "CSRF token in the form");
        assertEquals(form.attr("action"), form.attr("hx-post"), "htmx posts the same form in place");
        assertTrue(form.text().contains("确认关联"), form.text());
        assertTrue(p.text("#apps").contains("待确认"), p.text("#apps"));
        // the case's own application has no such button
        assertEquals(1, p.doc().select("form.confirm-link").size());

        WebSession.Page done = s.submit(p, "form.confirm-link", Map.of());
        assertEquals(200, done.status(), done.body());
        assertEquals("/cases/" + c.caseId(), done.uri().getPath());
        assertTrue(done.text("#notice").contains("已确认关联"), done.text("#notice"));
        assertNull(done.doc().selectFirst("form.confirm-link"), "confirmed: no button any more");
        assertTrue(done.text("#apps").contains("已确认"), done.text("#apps"));

        JsonNode api = Cases.get(c.caseId(), Tokens.liqiao());
        assertTrue(StreamSupport.stream(api.path("applications").spliterator(), false)
                .anyMatch(a -> tracking.equals(a.path("trackingNumber").asText()) && a.path("linkConfirmed").asBoolean()),
                api.path("applications").toString());
        JsonNode audit = Cases.audit(c.caseId());
        assertTrue(StreamSupport.stream(audit.spliterator(), false).anyMatch(e -> "CONFIRM_LINK".equals(
                e.path("action").asText()) && "liqiao".equals(e.path("actor").asText())), audit.toString());
    }

    @Test
    void aStaleVersionIsTheConflictPageAndWithoutTheCsrfTokenNothingIsSent() {
        Cases.Opened c = Cases.open("620503114", null);
        String appId = Cases.duplicate(c, Cases.trackingNumber());
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page p = s.get("/cases/" + c.caseId());

        WebSession.Page forged = s.post("/cases/" + c.caseId() + "/applications/" + appId + "/confirm-link",
                Map.of("version", p.doc().selectFirst("form.confirm-link input[name=version]").attr("value")));
        assertTrue(forged.status() == 400 || forged.status() == 403, "no CSRF token: refused " + forged.status());
        assertFalse(linkConfirmed(c, appId), "nothing sent without the CSRF token");

        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "ACCEPT")); // someone acts first
        WebSession.Page stale = s.submit(p, "form.confirm-link", Map.of());
        assertEquals(409, stale.status());
        assertNotNull(stale.doc().selectFirst("#notice"));
        assertFalse(linkConfirmed(c, appId));
        assertNotNull(stale.doc().selectFirst("form.confirm-link"), "the fresh page offers the button again");
    }

    @Test
    void inEnglishTheButtonAndStateAreEnglish() {
        Cases.Opened c = Cases.open("620503114", null);
        Cases.duplicate(c, Cases.trackingNumber());
        WebSession s = WebSession.signedIn(base.toString(), "liqiao").language("en");
        WebSession.Page p = s.get("/cases/" + c.caseId());
        assertTrue(p.doc().selectFirst("form.confirm-link").text().contains("Confirm link"), p.text("#apps"));
        assertTrue(p.text("#apps").contains("awaiting confirmation"), p.text("#apps"));
    }

    private static boolean linkConfirmed(Cases.Opened c, String appId) {
        JsonNode api = Cases.get(c.caseId(), Tokens.liqiao());
        return StreamSupport.stream(api.path("applications").spliterator(), false)
                .anyMatch(a -> appId.equals(a.path("applicationId").asText()) && a.path("linkConfirmed").asBoolean());
    }
}
