package cn.scanforhelp.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens and headers a caller gets wrong. A token that is not a JWT, is unsigned ({@code alg:
 * none}), carries a bad signature or is meant for another service is the caller's fault: 401 with
 * {@code WWW-Authenticate: Bearer}, never 503 (that says the identity provider is down, and clients
 * retry). A township role on a division that is not a township is refused (403). A malformed
 * {@code Accept-Language} still gets problem+json, in the default language.
 */
public abstract class BadCredentialsContract {

    private static ValidatableResponse me(String token) {
        return given().auth().oauth2(token).get("/api/v1/me").then();
    }

    private static void isUnauthorized(ValidatableResponse r) {
        r.statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:scan-for-help:problem:unauthorized"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-jwt", "abc.def.ghi", "eyJhbGciOiJSUzI1NiJ9.e30.", "...", "%%%"})
    void aTokenThatIsNotAJwtIs401(String token) {
        isUnauthorized(me(token));
    }

    @Test
    void anUnsignedTokenIs401() {
        isUnauthorized(me(Tokens.user("liqiao").roles("township-reviewer").division("620503114").unsigned()));
    }

    @Test
    void aBadSignatureIs401() {
        String token = Tokens.liqiao();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        isUnauthorized(me(tampered));
        isUnauthorized(me(Tokens.user("liqiao").roles("township-reviewer").division("620503114").foreignKey().sign()));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        isUnauthorized(me(Tokens.user("liqiao").roles("township-reviewer").division("620503114")
                .audience("account", "some-other-service").sign()));
        isUnauthorized(me(Tokens.user("liqiao").roles("township-reviewer").division("620503114").audience().sign()));
    }

    @Test
    void aTownshipRoleOnAProvinceIs403() {
        for (String division : new String[] {"62", "6205", "620503", "620503114201"}) {
            me(Tokens.user("liqiao").roles("township-reviewer").division(division).sign()).statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:scan-for-help:problem:township-role-needs-township"));
        }
        given().auth().oauth2(Tokens.user("liqiao").roles("township-reviewer").division("62").sign())
                .header("Accept-Language", "en").get("/api/v1/me").then().statusCode(403)
                .body("title", equalTo("A township role needs a township"));
        me(Tokens.liqiao()).statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en;q=abc", ";;;;", "zh-CN;q=2,,@@", "en-US;q=", "*;q=x"})
    void aMalformedAcceptLanguageStillGetsProblemJson(String header) {
        given().header("Accept-Language", header).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:unauthorized"));
        given().header("Accept-Language", header).get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
