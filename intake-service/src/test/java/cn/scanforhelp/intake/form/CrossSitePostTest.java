package cn.scanforhelp.intake.form;

import static cn.scanforhelp.intake.form.FormPageTest.browser;
import static cn.scanforhelp.intake.form.FormPageTest.valid;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The resident's form has no session and sets no cookie, so there is no CSRF token to carry: a page on
 * another site can only make the resident's browser post what that site could post itself. What it could
 * still do, post in the resident's name from their address (using up their rate limit), is refused on the
 * Origin every browser sends with a cross-site POST: the CORS filter allows this origin only
 * ({@code quarkus.http.cors.origins} empty).
 */
@QuarkusTest
class CrossSitePostTest {

    @Test
    void aFormPostFromAnotherSiteIsRefused() {
        browser().header("Origin", "https://evil.example").formParams(valid()).post("/t/620503114").then()
                .statusCode(403);
        browser().header("Origin", "https://evil.example").formParam("trackingNumber", "K7QM-4HXP-2RC")
                .formParam("last4", "1234").post("/s").then().statusCode(403);
    }

    @Test
    void aPostFromTheFormsOwnPageIsAccepted() {
        String self = "http://localhost:" + io.restassured.RestAssured.port;
        browser().header("Origin", self).header("Host", "localhost:" + io.restassured.RestAssured.port)
                .formParams(valid()).post("/t/620503114").then().statusCode(303);
        // and without Origin (a browser that sends none on a same-site post, curl)
        browser().formParams(valid()).post("/t/620503114").then().statusCode(303);
    }
}
