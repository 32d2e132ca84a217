package cn.scanforhelp.cases.intake;

import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each service account may make exactly the calls it makes (issue 24): intake delivers applications,
 * notification records satisfaction replies, and neither can make the other's call; case-service's own
 * account can make neither. An application for a division this deployment does not serve is refused.
 */
@QuarkusTest
class ServiceRolesTest {

    private static final String APPLICATIONS = "/internal/v1/applications";

    private static io.restassured.response.ValidatableResponse deliver(String token, Object body, String path) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    @Test
    void onlyIntakesAccountDeliversApplications() {
        for (String other : List.of(Tokens.notificationService(), Tokens.caseService(), Tokens.alertImport())) {
            deliver(other, application("620503114", idNumber()), APPLICATIONS).statusCode(403)
                    .contentType("application/problem+json");
            deliver(other, List.of(application("620503114", idNumber())), APPLICATIONS + "/batch").statusCode(403);
        }
        deliver(Tokens.intakeService(), application("620503114", idNumber()), APPLICATIONS).statusCode(200);
    }

    @Test
    void onlyNotificationsAccountRecordsSatisfaction() {
        String caseId = open("620503114");
        Map<String, Object> rating = Map.of("eventId", UUID.randomUUID().toString(), "rating", 1,
                "receivedAt", "2026-12-20T10:00:00+08:00");
        String path = "/internal/v1/cases/" + caseId + "/satisfaction";
        for (String other : List.of(Tokens.intakeService(), Tokens.caseService(), Tokens.alertImport())) {
            deliver(other, rating, path).statusCode(403);
        }
        deliver(Tokens.notificationService(), rating, path).statusCode(204);
    }

    @Test
    void aTokenForAnotherServiceIs401() {
        String forNotification = Tokens.service("intake-service").audience("notification-service").sign();
        deliver(forNotification, application("620503114", idNumber()), APPLICATIONS).statusCode(401);
    }

    @Test
    void anApplicationOutsideTheServiceAreaIsRefused() {
        // 110101: Beijing, Dongcheng; this deployment serves 620503 (sfh.service-area)
        Map<String, Object> elsewhere = application("110101001", idNumber());
        deliver(Tokens.intakeService(), elsewhere, APPLICATIONS).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:validation-failed"))
                .body("errors.field", hasItem("divisionCode"));
        // a township inside the area with a village outside it is refused as well
        Map<String, Object> strayVillage = application("620503114", idNumber());
        strayVillage.put("villageCode", "110101001201");
        deliver(Tokens.intakeService(), strayVillage, APPLICATIONS).statusCode(400)
                .body("errors.field", hasItem("villageCode"));
        // in a batch only that item is refused
        deliver(Tokens.intakeService(), List.of(application("110101001", idNumber()),
                application("620503116", idNumber())), APPLICATIONS + "/batch").statusCode(200)
                .body("results[0].status", equalTo(400))
                .body("results[1].status", equalTo(200));
        assertEquals(0L, count("select count(*) from case_file where division_code like '110101%'"));
    }

    @Test
    void theInboxRecordsTheClientThatReallySentTheDelivery() {
        Map<String, Object> app = application("620503114", idNumber());
        String token = Tokens.service("intake-service-b").clientRoles("case-service", "submit-applications")
                .authorizedParty("intake-service-b").sign();
        deliver(token, app, APPLICATIONS).statusCode(200);
        assertEquals(1L, count("select count(*) from inbox_event where event_id = cast(? as uuid) and source = ?",
                app.get("eventId"), "intake-service-b"));
    }
}
