package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.IntakeServiceDownProfile;
import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** With intake-service unreachable the TRANSFER form still works: the target township's code is typed. */
@QuarkusTest
@TestProfile(IntakeServiceDownProfile.class)
class TransferFormIntakeDownTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theCodeIsTypedWhenIntakeIsDown() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page down = s.get("/cases/" + c.caseId() + "/actions/TRANSFER");
        Element typed = down.doc().selectFirst("#a-targetDivisionCode");
        assertNotNull(typed, down.text("#notice"));
        assertEquals("input", typed.tagName(), "intake-service is down: the code is typed");
        assertTrue(down.text("#a-targetDivisionCode-hint").contains("9 位区划代码"), down.text("#action-form"));
    }
}
