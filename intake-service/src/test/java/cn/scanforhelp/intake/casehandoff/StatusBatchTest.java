package cn.scanforhelp.intake.casehandoff;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.resident;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /internal/v1/applications/statuses}: each item as the single call, with its own result. */
@QuarkusTest
class StatusBatchTest {

    @Inject
    AgroalDataSource db;

    static Map<String, Object> item(String applicationId, UUID eventId, long sequence, String status) {
        Map<String, Object> m = new HashMap<>();
        m.put("applicationId", applicationId);
        m.put("eventId", eventId.toString());
        m.put("caseId", "case-" + applicationId.substring(0, 8));
        m.put("sequence", sequence);
        m.put("status", status);
        m.put("nextDeadline", "2026-12-02");
        m.put("updatedAt", "2026-11-29T10:00:00+08:00");
        return m;
    }

    static ValidatableResponse postBatch(Object body) {
        return given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON).body(body)
                .post("/internal/v1/applications/statuses").then();
    }

    static String submit() {
        return resident().body(application()).post("/api/v1/applications").then().statusCode(202).extract()
                .path("applicationId");
    }

    @Test
    void newRepeatedUnknownAndInvalidItemsEachGetTheSingleCallsResult() throws Exception {
        String one = submit();
        String two = submit();
        String three = submit();
        UUID sentSingly = UUID.randomUUID();
        // two's event came singly before: in the batch it is a repeat, with no second effect
        given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON)
                .body(item(two, sentSingly, 3, "APPROVED")).post("/internal/v1/applications/" + two + "/status")
                .then().statusCode(204);
        sql("update application set status = 'UNDER_REVIEW' where id = ?::uuid", two); // a repeat must not undo this

        Map<String, Object> badStatus = item(three, UUID.randomUUID(), 5, "NOPE");
        Map<String, Object> badSequence = item(three, UUID.randomUUID(), 5, "CLOSED");
        badSequence.put("sequence", "five");
        Map<String, Object> noApplication = item(three, UUID.randomUUID(), 5, "CLOSED");
        noApplication.remove("applicationId");
        List<Object> batch = List.of(
                item(one, UUID.randomUUID(), 2, "ACCEPTED"),
                item(two, sentSingly, 3, "APPROVED"),
                item(UUID.randomUUID().toString(), UUID.randomUUID(), 1, "ACCEPTED"),
                badStatus, badSequence, noApplication, 42,
                item(three, UUID.randomUUID(), 4, "REJECTED"),
                item(one, UUID.randomUUID(), 1, "RECEIVED")); // older than what is shown: ignored

        JsonPath answer = postBatch(batch).statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(List.of(200, 200, 404, 400, 400, 400, 400, 200, 200), answer.getList("results.status", Integer.class));
        assertEquals("urn:scan-for-help:problem:not-found", answer.getString("results[2].problem"));
        assertEquals("urn:scan-for-help:problem:validation-failed", answer.getString("results[3].problem"));
        assertEquals("ACCEPTED:2", statusOf(one));
        assertEquals("UNDER_REVIEW:3", statusOf(two));
        assertEquals("REJECTED:4", statusOf(three));

        // the same batch again: the same results, nothing applied twice
        sql("update application set status = 'UNDER_REVIEW' where id = ?::uuid", three);
        postBatch(batch).statusCode(200).body("results.status", equalTo(answer.getList("results.status")));
        assertEquals("ACCEPTED:2", statusOf(one));
        assertEquals("UNDER_REVIEW:4", statusOf(three));
    }

    @Test
    void emptyOrOversizedBatchesAreRefusedWhole() throws Exception {
        String one = submit();
        postBatch(List.of()).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:validation-failed"));
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(item(one, UUID.randomUUID(), 10 + i, "ACCEPTED"));
        }
        postBatch(tooMany).statusCode(400).contentType("application/problem+json");
        postBatch(item(one, UUID.randomUUID(), 9, "ACCEPTED")).statusCode(400).contentType("application/problem+json");
        assertEquals("RECEIVED:0", statusOf(one));
    }

    @Test
    void onlyServiceAccountsMayReport() throws Exception {
        String one = submit();
        List<Object> batch = List.of(item(one, UUID.randomUUID(), 2, "ACCEPTED"));
        given().contentType(ContentType.JSON).body(batch).post("/internal/v1/applications/statuses").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(batch)
                .post("/internal/v1/applications/statuses").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals("RECEIVED:0", statusOf(one));
    }

    String statusOf(String applicationId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select status, status_sequence from application where id = ?::uuid")) {
            ps.setString(1, applicationId);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getString(1) + ":" + rs.getLong(2);
        }
    }

    void sql(String statement, String applicationId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, applicationId);
            ps.executeUpdate();
        }
    }
}
