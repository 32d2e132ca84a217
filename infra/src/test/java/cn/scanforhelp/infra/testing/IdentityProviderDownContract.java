package cn.scanforhelp.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * With Keycloak down, a caller with a bearer token learns that sign-in is unavailable (503 with a
 * Retry-After), not that their token is bad and not a 500. Public endpoints keep working.
 */
public abstract class IdentityProviderDownContract {

    @Test
    void bearerCallGets503Problem() {
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/me").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("30"))
                .body("type", equalTo("urn:scan-for-help:problem:identity-provider-unavailable"));
    }

    @Test
    void serviceStaysLive() {
        Management.given().get("/q/health/live").then().statusCode(200);
    }
}
