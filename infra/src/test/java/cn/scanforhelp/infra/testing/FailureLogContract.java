package cn.scanforhelp.infra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An unexpected failure while handling a request that carries personal data: the answer names an error id; the log
 * holds that id, the exception's class and its stack, but never the query string, the body or any personal field,
 * however the exception's messages quote them ({@link FailingResource}); the same for a failure outside JAX-RS, in a
 * Vert.x route ({@link FailingRoute}), and for what Quarkus' own failure handler logs. Each module runs it (an empty
 * subclass).
 */
public abstract class FailureLogContract {

    protected static final String NAME = "欧阳小芳";
    protected static final String ID_NUMBER = "62050319850312402X";
    protected static final String PHONE = "13987654321";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Answers the page or problem of a GET to this path with query (a module may sign in first). */
    protected Response get(String pathAndQuery) {
        return RestAssured.given().urlEncodingEnabled(false).get(pathAndQuery);
    }

    /** Answers a POST of this JSON body, or null where the module takes no such post. */
    protected Response post(String path, String json) {
        return RestAssured.given().contentType("application/json").body(json).post(path);
    }

    /** Whether the answer may link back to the page asked for (the console's language switch does). */
    protected boolean answerLinksBackToTheRequest() {
        return false;
    }

    @Test
    void aFailureLogsItsErrorIdAndClassButNotTheQueryString() {
        String query = "?name=" + java.net.URLEncoder.encode(NAME, java.nio.charset.StandardCharsets.UTF_8)
                + "&idNumber=" + ID_NUMBER + "&phone=" + PHONE;
        try (LogCapture log = LogCapture.open()) {
            Response r = get("/test-only/failure" + query);
            check(r, log);
        }
    }

    @Test
    void aFailureLogsItsErrorIdAndClassButNotTheBody() {
        String json = "{\"name\":\"" + NAME + "\",\"idNumber\":\"" + ID_NUMBER + "\",\"phone\":\"" + PHONE + "\"}";
        try (LogCapture log = LogCapture.open()) {
            Response r = post("/test-only/failure?phone=" + PHONE, json);
            if (r != null) {
                check(r, log);
            }
        }
    }

    /** What a failure outside JAX-RS is answered as: problem+json in the services, a page in the console. */
    protected String routeFailureContentType() {
        return "application/problem+json";
    }

    @Test
    void aFailureOutsideTheRestLayerLogsNeitherTheQueryNorTheMessages() {
        String query = "?idNumber=620503199001011234&phone=" + PHONE;
        try (LogCapture log = LogCapture.open()) {
            Response r = get("/test-only/route-failure" + query);
            assertEquals(500, r.statusCode(), r.asString());
            assertTrue(r.contentType().startsWith(routeFailureContentType()), r.contentType());
            Matcher m = UUID.matcher(r.asString());
            assertTrue(m.find(), "the answer names an error id: " + r.asString());
            String text = log.text();
            assertTrue(text.contains(m.group()) && text.contains("IllegalStateException") && text.contains("FailingRoute"),
                    "the log names the error id, the class and the stack: " + text);
            for (String personal : List.of("620503199001011234", PHONE, "idNumber=", "route-failure?")) {
                assertFalse(text.contains(personal), "the log holds " + personal + ": " + text);
                assertFalse(r.asString().contains(personal), "the answer holds " + personal + ": " + r.asString());
            }
        }
    }

    @Test
    void quarkusOwnHandlerLogsTheRequestWithoutItsQuery() {
        // what Quarkus' failure handler logs for a failure it answers itself, as its logger passes it on
        try (LogCapture log = LogCapture.open()) {
            org.jboss.logging.Logger.getLogger("io.quarkus.vertx.http.runtime.QuarkusErrorHandler").errorf(
                    new IllegalStateException("cannot keep /x?idNumber=620503199001011234"),
                    "HTTP Request to %s failed, error id: %s", "/x?idNumber=620503199001011234", "e-1");
            String text = log.text();
            assertTrue(text.contains("HTTP Request to /x failed, error id: e-1"), text);
            assertFalse(text.contains("620503199001011234"), text);
        }
    }

    private void check(Response r, LogCapture log) {
        assertEquals(500, r.statusCode(), r.asString());
        String body = r.asString();
        Matcher m = UUID.matcher(body);
        assertTrue(m.find(), "the answer names an error id: " + body);
        String errorId = m.group();
        String text = log.text();
        assertTrue(text.contains(errorId), "the log names the error id " + errorId + ": " + text);
        assertTrue(text.contains("IllegalStateException") && text.contains("FailingResource"),
                "the log names the class and the stack: " + text);
        for (String personal : List.of(NAME, ID_NUMBER, PHONE, "idNumber=", "test-only/failure?")) {
            assertFalse(text.contains(personal), "the log holds " + personal + ": " + text);
            if (!answerLinksBackToTheRequest()) {
                assertFalse(body.contains(personal), "the answer holds " + personal + ": " + body);
            }
        }
    }
}
