package cn.scanforhelp.notification;

import static io.restassured.RestAssured.given;

import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.notification.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only case-service's account may turn events into government-signed SMS (issue 24). */
@QuarkusTest
class ServiceRolesTest {

    @Test
    void onlyCaseServicesAccountSendsEvents() {
        for (String other : List.of(Tokens.intakeService(), Tokens.notificationService(), Tokens.alertImport())) {
            given().auth().oauth2(other).contentType(ContentType.JSON).body(Events.event("RECEIVED", Events.phone()))
                    .post("/internal/v1/events").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(other).contentType(ContentType.JSON)
                    .body(List.of(Events.event("RECEIVED", Events.phone())))
                    .post("/internal/v1/events/batch").then().statusCode(403);
        }
        Events.post(Events.event("RECEIVED", Events.phone())).statusCode(202);
    }

    @Test
    void anEventOutsideTheServiceAreaIsRefused() {
        java.util.Map<String, Object> beijing = new java.util.HashMap<>(Events.event("RECEIVED", Events.phone()));
        beijing.put("divisionCode", "110101001");
        Events.post(beijing).statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("divisionCode"));
        given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON)
                .body(List.of(beijing, Events.event("RECEIVED", Events.phone())))
                .post("/internal/v1/events/batch").then().statusCode(200)
                .body("results[0].status", org.hamcrest.Matchers.equalTo(400))
                .body("results[1].status", org.hamcrest.Matchers.equalTo(200));
    }

    @Test
    void aTokenForAnotherServiceIs401() {
        String forIntake = Tokens.service("case-service").audience("intake-service").sign();
        given().auth().oauth2(forIntake).contentType(ContentType.JSON).body(Events.event("RECEIVED", Events.phone()))
                .post("/internal/v1/events").then().statusCode(401);
    }
}
