package cn.scanforhelp.intake.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.intake.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The 64 KB body limit holds for bodies sent in chunks without Content-Length too (a client need not
 * announce a length); only the alert import takes more (its 10,000-row CSV), chunked or not, up to 4 MB.
 */
@QuarkusTest
class ChunkedBodyLimitTest {

    static final int MB = 1024 * 1024;

    private static void assertTooLarge(RawHttp.Answer a) {
        assertEquals(413, a.status(), () -> "answer: " + a);
        assertEquals("application/problem+json", a.header("Content-Type"), () -> "answer: " + a);
        assertTrue(a.body().contains("urn:scan-for-help:problem:payload-too-large"), a.body());
    }

    @Test
    void aChunkedMegabyteToTheApplicationEndpointIs413() throws Exception {
        byte[] start = "{\"divisionCode\":\"620503114\",\"description\":\"".getBytes(StandardCharsets.UTF_8);
        assertTooLarge(RawHttp.chunked("/api/v1/applications", "application/json", start, (byte) 'a', MB, 8192));
        // and the service is fine afterwards
        Fixtures.resident().body(Fixtures.application()).post("/api/v1/applications").then().statusCode(202);
    }

    @Test
    void smallChunkedBodiesStillWork() throws Exception {
        byte[] json = Fixtures.application().getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer a = RawHttp.chunked("/api/v1/applications", "application/json", json, (byte) ' ', json.length,
                100);
        assertEquals(202, a.status(), () -> "answer: " + a);
        byte[] form = ("trackingNumber=" + cn.scanforhelp.intake.application.TrackingNumbers.generate() + "&last4=1234")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer b = RawHttp.chunked("/s", "application/x-www-form-urlencoded", form, (byte) ' ', form.length, 10);
        assertEquals(200, b.status(), () -> "answer: " + b);
        assertTrue(b.body().contains("id=\"not-found\""), b.body());
    }

    @Test
    void aChunkedMegabyteToTheResidentsFormIs413() throws Exception {
        byte[] start = "name=".getBytes(StandardCharsets.UTF_8);
        assertTooLarge(RawHttp.chunked("/t/620503114", "application/x-www-form-urlencoded", start, (byte) 'a', MB,
                8192));
        assertTooLarge(RawHttp.chunked("/s", "application/x-www-form-urlencoded", start, (byte) 'a', MB, 8192));
    }

    @Test
    void theAlertImportStillTakesLargeChunkedBatches() throws Exception {
        StringBuilder csv = new StringBuilder("source,idNumber,name,divisionCode,reason,date\n");
        while (csv.length() < 200 * 1024) {
            csv.append("民政局,1,张三,620503114,OTHER,2026-11-01\n"); // invalid rows: only the size matters here
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer a = RawHttp.chunked("/api/v1/alerts", "text/csv", body, (byte) '\n', body.length, 8192,
                "Bearer " + Tokens.officer());
        assertEquals(200, a.status(), () -> "answer: " + a.status() + " " + a.headers());
        // over the batch cap of 4 MB it is refused too
        RawHttp.Answer tooLarge = RawHttp.chunked("/api/v1/alerts", "text/csv", body, (byte) '\n', 5 * MB, 8192,
                "Bearer " + Tokens.officer());
        assertTooLarge(tooLarge);
        assertTrue(tooLarge.body().contains("4 MB"), tooLarge.body());
        // the service is still up (health is on the management interface)
        cn.scanforhelp.infra.testing.Management.given().get("/q/health/live").then().statusCode(200);
    }
}
