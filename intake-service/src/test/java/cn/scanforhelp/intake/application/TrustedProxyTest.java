package cn.scanforhelp.intake.application;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.intake.web.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which address a rate limit counts: X-Forwarded-For only from the trusted proxy (in tests 127.0.0.1,
 * {@code quarkus.http.proxy.trusted-proxies}), never from anyone else (127.0.0.2 here, a client reaching
 * the port directly), and IPv6 clients by their /64. 30 look-ups per address per 10 minutes.
 */
@QuarkusTest
class TrustedProxyTest {

    private static int lookupFrom(String localAddress, String forwardedFor) throws Exception {
        return RawHttp.send(localAddress, "POST", "/api/v1/applications/lookup",
                Map.of("Content-Type", "application/json", "X-Forwarded-For", forwardedFor), RateLimitTest.unknownNumber())
                .status();
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedAddressDoesNotChangeTheBucket() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertEquals(404, lookupFrom("127.0.0.2", "10.77." + i + ".1"), "look-up " + (i + 1));
        }
        RawHttp.Answer r = RawHttp.send("127.0.0.2", "POST", "/api/v1/applications/lookup",
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "10.77.99.1"), RateLimitTest.unknownNumber());
        assertEquals(429, r.status(), "a new X-Forwarded-For from an untrusted address is still the same client");
        assertEquals("application/problem+json", r.header("Content-Type"));
    }

    @Test
    void theTrustedProxysForwardedForIsTheClient() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertEquals(404, lookupFrom("127.0.0.1", "10.78.0.1"));
        }
        assertEquals(429, lookupFrom("127.0.0.1", "10.78.0.1"));
        assertEquals(404, lookupFrom("127.0.0.1", "10.78.0.2"), "another client behind the proxy has its own bucket");
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        for (int i = 0; i < 30; i++) {
            // any address a line's /64 holds, as a client switching privacy addresses would use
            given().header("X-Forwarded-For", "2001:db8:77:1:" + Integer.toHexString(i + 1) + "::" + (i + 7))
                    .contentType(ContentType.JSON).body(RateLimitTest.unknownNumber()).post("/api/v1/applications/lookup").then().statusCode(404);
        }
        given().header("X-Forwarded-For", "2001:db8:77:1:ffff:ffff:ffff:fffe").contentType(ContentType.JSON)
                .body(RateLimitTest.unknownNumber()).post("/api/v1/applications/lookup").then().statusCode(429);
        given().header("X-Forwarded-For", "2001:db8:77:2::1").contentType(ContentType.JSON)
                .body(RateLimitTest.unknownNumber()).post("/api/v1/applications/lookup").then().statusCode(404);
    }
}
