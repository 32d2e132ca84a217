package cn.scanforhelp.intake.casehandoff;

import static io.restassured.RestAssured.given;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Only case-service's account may change the status residents look up, and only the alert-sending
 * departments' account (besides district officers) may import alerts (issue 24).
 */
@QuarkusTest
class ServiceRolesTest {

    private static final String CSV = "source,idNumber,name,divisionCode,reason,date\n";

    @Test
    void onlyCaseServicesAccountReportsStatuses() {
        UUID unknown = UUID.randomUUID();
        String update = """
                {"eventId":"%s","caseId":"c-1","sequence":9223372036854775807,"status":"APPROVED",
                 "updatedAt":"2026-11-29T10:00:00+08:00"}""".formatted(UUID.randomUUID());
        for (String other : List.of(Tokens.intakeService(), Tokens.notificationService(), Tokens.alertImport())) {
            given().auth().oauth2(other).contentType(ContentType.JSON).body(update)
                    .post("/internal/v1/applications/" + unknown + "/status").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(other).contentType(ContentType.JSON).body("[]")
                    .post("/internal/v1/applications/statuses").then().statusCode(403);
        }
        // case-service's account passes the role check: the unknown application is then a 404
        given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON).body(update)
                .post("/internal/v1/applications/" + unknown + "/status").then().statusCode(404);
    }

    @Test
    void aTokenForAnotherServiceIs401() {
        String forNotification = Tokens.service("case-service").audience("notification-service").sign();
        given().auth().oauth2(forNotification).contentType(ContentType.JSON).body("{}")
                .post("/internal/v1/applications/" + UUID.randomUUID() + "/status").then().statusCode(401);
    }

    @Test
    void otherServicesCannotImportAlerts() {
        for (String other : List.of(Tokens.intakeService(), Tokens.caseService(), Tokens.notificationService())) {
            given().auth().oauth2(other).contentType("text/csv").body(CSV).post("/api/v1/alerts").then()
                    .statusCode(403);
        }
    }
}
