package cn.scanforhelp.cases.intake;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.etag;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.post;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: someone submits the form with a neighbour's ID number and their own phone. The application
 * is linked to the neighbour's open case, but it tells nobody anything: the neighbour gets no SMS, and
 * the newcomer's look-up gets none of the case's status (intake keeps showing "received") until a
 * reviewer confirms the link.
 */
@QuarkusTest
class DuplicateLinkTest {

    private static long toNotification(String caseId) {
        return count("select count(*) from outbox_event where destination = 'notification-service' and aggregate_id = ?",
                caseId);
    }

    private static long toIntake(Object applicationId) {
        return count("select count(*) from outbox_event where destination = 'intake-service' and aggregate_id = ?",
                applicationId.toString());
    }

    private static ValidatableResponse confirm(String caseId, Object applicationId, String token) {
        return given().auth().oauth2(token).header("If-Match", etag(caseId, Tokens.liqiao()))
                .post("/api/v1/cases/" + caseId + "/applications/" + applicationId + "/confirm-link").then();
    }

    @Test
    void aNeighboursIdNumberTellsNobodyAnythingUntilAReviewerConfirmsTheLink() {
        String id = idNumber();
        Map<String, Object> own = application("620503114", id);
        String caseId = open(own);
        assertEquals(1, toNotification(caseId), "the applicant's own receipt SMS");
        assertEquals(1, toIntake(own.get("applicationId")));

        Map<String, Object> newcomer = application("620503114", id);
        newcomer.put("applicant", Map.of("name", "王五", "idNumber", id, "phone", "13900000001"));
        post(newcomer).then().statusCode(200).body("linkedToCaseId", equalTo(caseId));
        // the neighbour is not texted about someone else's submission; the newcomer learns nothing of the case
        assertEquals(1, toNotification(caseId));
        assertEquals(0, toIntake(newcomer.get("applicationId")));

        // the case moves on: its status reaches the case's own application only
        step(caseId, Tokens.liqiao(), action("REQUEST_MATERIALS", "materials", List.of("户口簿复印件")));
        assertEquals(2, toNotification(caseId), "the materials request, to the case's applicant");
        assertEquals(2, toIntake(own.get("applicationId")));
        assertEquals(0, toIntake(newcomer.get("applicationId")));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("applications.find { it.trackingNumber == '%s' }.linkConfirmed".formatted(
                        newcomer.get("trackingNumber")), equalTo(false))
                .body("applications.find { it.trackingNumber == '%s' }.linkConfirmed".formatted(
                        own.get("trackingNumber")), equalTo(true));

        // only the case's township may confirm, only a duplicate of that case can be confirmed
        confirm(caseId, newcomer.get("applicationId"), Tokens.dangchuan()).statusCode(404);
        confirm(caseId, own.get("applicationId"), Tokens.liqiao()).statusCode(404);
        confirm(caseId, UUID.randomUUID(), Tokens.liqiao()).statusCode(404);
        assertEquals(0, toIntake(newcomer.get("applicationId")));

        // the reviewer has checked (e.g. called the number on the case): the newcomer now sees the status
        confirm(caseId, newcomer.get("applicationId"), Tokens.liqiao()).statusCode(200)
                .body("applications.find { it.trackingNumber == '%s' }.linkConfirmed".formatted(
                        newcomer.get("trackingNumber")), equalTo(true))
                .body("history.action", org.hamcrest.Matchers.hasItem("CONFIRM_LINK"));
        assertEquals(1, toIntake(newcomer.get("applicationId")));
        assertEquals(1, count("select count(*) from outbox_event where destination = 'intake-service' "
                + "and aggregate_id = ? and payload->>'status' = 'MATERIALS_REQUESTED'",
                newcomer.get("applicationId").toString()));
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'CONFIRM_LINK'",
                UUID.fromString(caseId)));
        // a second confirmation changes nothing; the next step reaches both applications
        confirm(caseId, newcomer.get("applicationId"), Tokens.liqiao()).statusCode(200);
        assertEquals(1, toIntake(newcomer.get("applicationId")));
        step(caseId, Tokens.liqiao(), action("RECEIVE_MATERIALS"));
        assertEquals(2, toIntake(newcomer.get("applicationId")));
        assertEquals(3, toIntake(own.get("applicationId")));
    }
}
