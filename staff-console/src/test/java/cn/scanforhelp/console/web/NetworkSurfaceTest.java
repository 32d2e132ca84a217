package cn.scanforhelp.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.Management;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * What the console's public port serves: pages, not its health checks (those are on the management port),
 * and no endpoint that lacks a security annotation, even to a signed-in user.
 */
@QuarkusTest
class NetworkSurfaceTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void healthAnswersOnTheManagementPortOnly() {
        Management.given().get("/q/health/ready").then().statusCode(200);
        WebSession anonymous = new WebSession(base.toString());
        WebSession.Page p = anonymous.get("/q/health/ready");
        assertFalse(p.body().contains("\"UP\""), "no health answer on the public port: " + p.body());
        WebSession.Page signedIn = WebSession.signedIn(base.toString(), "liqiao").get("/q/health/ready");
        assertEquals(404, signedIn.status(), signedIn.body());
    }

    @Test
    void anEndpointWithoutSecurityAnnotationIsDeniedToASignedInUser() {
        WebSession.Page p = WebSession.signedIn(base.toString(), "liqiao").get("/test-only/unannotated");
        assertEquals(403, p.status(), p.body());
    }

    @Test
    void theSignedOutPageStaysPublic() {
        WebSession.Page p = new WebSession(base.toString()).get("/signed-out");
        assertEquals(200, p.status(), p.body());
        assertNotNull(p.doc().selectFirst("#signed-out"), p.body());
    }
}
