package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.IntakeServiceProcess;
import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The TRANSFER form's target: while intake-service is down, the plain code field with a hint (the form still
 * works); once the real intake-service runs, a choice of the county's other townships with their names from its
 * divisions, the case's own township not among them; case-service still decides (the transfer goes through it).
 */
@QuarkusTest
class TransferFormTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theTargetIsAChoiceOfTheCountysOtherTownships() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");

        IntakeServiceProcess.startProcess();
        WebSession.Page up = s.get("/cases/" + c.caseId() + "/actions/TRANSFER");
        Element select = up.doc().selectFirst("select#a-targetDivisionCode");
        assertNotNull(select, up.doc().select("#action-form").outerHtml());
        assertNotNull(select.selectFirst("option[value=620503116]"), "党川镇 is offered");
        assertTrue(select.selectFirst("option[value=620503116]").text().contains("党川镇"),
                select.selectFirst("option[value=620503116]").text());
        assertNull(select.selectFirst("option[value=620503114]"), "not the case's own township");
        assertTrue(select.select("option").stream().allMatch(o -> o.val().isEmpty() || o.val().startsWith("620503")));
        assertNotNull(up.doc().selectFirst("label[for=a-targetDivisionCode]"));

        WebSession.Page sent = s.submit(up, "#action-form",
                Map.of("targetDivisionCode", "620503116", "reason", "申请人住在党川镇"));
        assertEquals(404, sent.status(), "after the transfer the case is 党川镇's: liqiao no longer sees it");
        assertEquals("620503116", Cases.get(c.caseId(), Tokens.officer()).path("divisionCode").asText());
    }
}
