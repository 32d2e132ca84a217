package cn.scanforhelp.console.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.CodeFlow;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Sign-in by the code flow with PKCE, the encrypted session, roles, and RP-initiated sign-out. */
@QuarkusTest
class SignInTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void anAnonymousVisitorIsSentToTheProviderWithAPkceChallenge() throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, r.statusCode());
        String to = r.headers().firstValue("Location").orElseThrow();
        assertTrue(to.contains("/protocol/openid-connect/auth?"), to);
        assertTrue(to.contains("client_id=staff-console"), to);
        assertTrue(to.contains("code_challenge_method=S256") && to.contains("code_challenge="), to);
        assertTrue(to.contains("response_type=code"), to);
    }

    @Test
    void aReviewerSignsInSeesTheQueueAndSignsOutEverywhere() {
        WebSession s = new WebSession(base.toString());
        WebSession.Page queue = s.signIn("liqiao");
        assertEquals(200, queue.status(), queue.body());
        assertEquals("zh-CN", queue.doc().selectFirst("html").attr("lang"));
        assertEquals("案件队列", queue.text("h1"));
        assertTrue(queue.text("header").contains("liqiao"));
        // the session cookie is encrypted: it is not a readable JWT
        WebSession.Page again = s.get("/");
        assertEquals(200, again.status());

        WebSession.Page out = s.get("/logout");
        assertEquals(200, out.status(), out.body());
        assertNotNull(out.doc().selectFirst("#signed-out"), out.body());
        assertTrue(CodeFlow.signedOut().contains("liqiao"), CodeFlow.signedOut().toString());
        WebSession.Page after = s.get("/");
        assertNotNull(after.doc().selectFirst("form#kc-form-login"), "signed out: the login page again");
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedSilently() {
        CodeFlow.accessTokenLifetime(40); // within the console's 60 s refresh skew: every request refreshes
        try {
            WebSession s = new WebSession(base.toString());
            assertEquals(200, s.signIn("liqiao").status());
            int before = CodeFlow.refreshed();
            WebSession.Page again = s.get("/");
            assertEquals(200, again.status(), "no new sign-in");
            assertNotNull(again.doc().selectFirst("#queue"), again.body());
            assertTrue(CodeFlow.refreshed() > before, "the refresh token was used");
        } finally {
            CodeFlow.accessTokenLifetime(300);
        }
    }

    @Test
    void aHotlineOperatorGetsAClearPageNotTheWorkspace() {
        WebSession s = new WebSession(base.toString());
        WebSession.Page p = s.signIn("operator");
        assertEquals(403, p.status());
        assertTrue(p.text("#error-message").contains("乡镇审核员"), p.body());
        assertTrue(!p.body().contains("Exception") && !p.body().contains("at cn."), "no stack trace");
    }
}
