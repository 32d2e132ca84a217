package cn.scanforhelp.console.web;

import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.FailureLogContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;

/**
 * The console's error page for an unexpected failure: the log has the error id shown on the page, the class and
 * the frames, never the query string. Asked by a signed-in reviewer (every page needs a sign-in); the console takes
 * no JSON posts (its forms carry a CSRF token), so the body case is the services'.
 */
@QuarkusTest
class FailureLogTest extends FailureLogContract {

    @TestHTTPResource("/")
    URI base;

    @Override
    protected Response get(String pathAndQuery) {
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        return RestAssured.given().urlEncodingEnabled(false).header("Cookie", s.cookieHeader()).redirects().follow(false)
                .get(pathAndQuery);
    }

    /** The page's language switch links back to the address asked for, to the user who asked: not a log. */
    @Override
    protected boolean answerLinksBackToTheRequest() {
        return true;
    }

    /** The console answers a failure outside JAX-RS with a short page naming the error id. */
    @Override
    protected String routeFailureContentType() {
        return "text/html";
    }

    @Override
    protected Response post(String path, String json) {
        return null;
    }
}
