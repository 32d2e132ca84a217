package cn.scanforhelp.intake.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a broken browser, proxy or script sends to the resident's pages: a tracking number that is
 * too long or badly percent-encoded, a form body that is not a form. Each is the caller's fault
 * (4xx), never a 500. Sent over a raw socket: HTTP clients refuse to send most of these.
 */
@QuarkusTest
class MalformedFormInputTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private static void is4xx(RawHttp.Answer a, String what) {
        assertTrue(a.status() >= 400 && a.status() < 500, what + ": " + a.status());
        assertTrue(a.contentType().startsWith("application/problem+json") || a.contentType().startsWith("text/html"),
                what + ": " + a.contentType());
    }

    /** Not a URI at all ("%", "%ZZ"): the HTTP layer answers a bare 400 before the application. */
    private static void isRefused(RawHttp.Answer a, String what) {
        assertEquals(400, a.status(), what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ZZ", "%", "%E4%B8%AD%", "AB%2"})
    void aTrackingNumberThatIsNotAUriIsRefused(String raw) {
        isRefused(RawHttp.send("GET", "/a/" + raw, Map.of(), (String) null), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%E4%B8", "%C0%AF", "A%00B", "%FF%FE", "%E4%B8%AD%E6", "%F0%9F"})
    void aBadlyEncodedTrackingNumberIs4xx(String raw) {
        is4xx(RawHttp.send("GET", "/a/" + raw, Map.of(), (String) null), raw);
        RawHttp.Answer a = RawHttp.send("GET", "/a/SFH-20261127-0001?d=" + raw, Map.of(), (String) null);
        assertTrue(a.status() < 500, "d=" + raw + ": " + a.status());
    }

    @ParameterizedTest
    @ValueSource(ints = {21, 200, 1000})
    void anOverLongTrackingNumberIs404(int length) {
        assertEquals(404, RawHttp.send("GET", "/a/" + "A".repeat(length), Map.of(), (String) null).status());
        assertEquals(404, RawHttp.send("GET", "/a/" + "%E6%B1%89".repeat(length / 3), Map.of(), (String) null).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"name=%ZZ&consent=on", "name=%E4%B8&consent=on", "=&&=&=", "name", "%", "a=%C0%AF",
        "description=%E4%B8%AD%E6%96", "consent=on&name=%", "%ZZ=1"})
    void aFormBodyThatIsNotAWellFormedFormIs4xx(String body) {
        String code = FormPageTest.poster("620503114");
        for (String target : new String[] {"/h/" + code, "/t/620503114", "/s"}) {
            is4xx(RawHttp.send("POST", target, Map.of("Content-Type", FORM), body), target + " " + body);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedOrReadAsText() {
        byte[] latin1 = "consent=on&name=\u00e9\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Answer a = RawHttp.send("POST", "/t/620503114", Map.of("Content-Type", FORM), latin1);
        is4xx(a, "latin-1 body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded; charset=no-such-charset", "garbage", ";;==garbage",
        "application/x-www-form-urlencoded; charset=\"", "application/x-www-form-urlencoded;;;=="})
    void aWrongContentTypeIs4xx(String contentType) {
        is4xx(RawHttp.send("POST", "/t/620503114", Map.of("Content-Type", contentType), "name=x&consent=on"),
                contentType);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en;q=abc", "zh-CN;q=2,,@@", ";;;;", "*;q=x"})
    void aSubmissionWithAMalformedAcceptLanguageGetsProblemJson(String language) {
        RawHttp.Answer a = RawHttp.send("POST", "/api/v1/applications",
                Map.of("Accept-Language", language, "Content-Type", "application/json"), "{}");
        assertEquals(400, a.status());
        assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
        assertTrue(a.body().contains("urn:scan-for-help:problem:validation-failed"), a.body());
        RawHttp.Answer form = RawHttp.send("POST", "/t/620503114",
                Map.of("Accept-Language", language, "Content-Type", FORM), "consent=on");
        assertEquals(400, form.status());
        assertTrue(form.contentType().startsWith("text/html"), form.contentType());
    }
}
