package cn.scanforhelp.intake.division;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code level} filters the divisions; a level that does not exist is refused, not ignored. */
@QuarkusTest
class DivisionLevelTest {

    @Test
    void anUnknownLevelIs400NamingTheField() {
        given().queryParam("parent", "620503").queryParam("level", "galaxy").get("/api/v1/divisions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("level"))
                .body("errors[0].code", equalTo("enum"));
    }

    @Test
    void aKnownLevelFilters() {
        given().queryParam("parent", "620503").queryParam("level", "township").get("/api/v1/divisions").then()
                .statusCode(200).body("$", not(empty())).body("level", everyItem(equalTo("township")));
        given().queryParam("parent", "620503").queryParam("level", "village").get("/api/v1/divisions").then()
                .statusCode(200).body("$", empty());
    }
}
