package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.CaseServiceDownProfile;
import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When case-service cannot be reached, every page says so plainly, in the user's language. */
@QuarkusTest
@TestProfile(CaseServiceDownProfile.class)
class CaseServiceDownTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theQueueAndTheCasePageAreAClearServiceUnavailablePage() {
        WebSession s = new WebSession(base.toString());
        WebSession.Page queue = s.signIn("liqiao");
        assertEquals(503, queue.status());
        assertTrue(queue.text("#error-message").contains("案件服务暂时不可用"), queue.body());
        assertFalse(queue.body().contains("Exception") || queue.body().contains("127.0.0.1"), "no trace, no address");
        WebSession.Page page = s.language("en").get("/cases/" + UUID.randomUUID());
        assertEquals(503, page.status());
        assertEquals("en", page.doc().selectFirst("html").attr("lang"));
        assertTrue(page.text("#error-message").contains("not available"), page.body());
    }
}
