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
 * however the exception's messages quote them ({@link FailingResource}). Each module runs it (an empty subclass).
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
