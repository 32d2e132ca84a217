package cn.scanforhelp.intake.casehandoff;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.resident;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Management;
import cn.scanforhelp.intake.CaseServiceStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * case-service fails (503, then connections reset) while applications arrive, then recovers: every
 * accepted application reaches it exactly once, with its payload, and the backlog drains to 0. The
 * backlog goes over in batch calls; an application case-service refuses in a batch is parked alone.
 */
@QuarkusTest
class DeliveryRecoveryTest {

    static final int APPLICATIONS = 20;

    @Inject
    AgroalDataSource db;
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void heal() {
        CaseServiceStub.accept();
    }

    long backlog() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from outbox_event where destination = 'case-service' "
                        + "and delivered_at is null and failed_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyApplicationIsDeliveredExactlyOnceAfterCaseServiceRecovers() throws Exception {
        var stub = CaseServiceStub.server();
        stub.resetMappings();
        stub.stubFor(post(CaseServiceStub.EITHER).willReturn(aResponse().withStatus(503)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS / 2; i++) {
            ids.add(resident().body(application()).post("/api/v1/applications").then().statusCode(202)
                    .extract().path("applicationId"));
        }
        stub.resetMappings();
        stub.stubFor(post(CaseServiceStub.EITHER).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < APPLICATIONS / 2; i++) {
            ids.add(resident().body(application()).post("/api/v1/applications").then().statusCode(202)
                    .extract().path("applicationId"));
        }
        // the failures were tried and the backlog is visible to operators
        await().atMost(Duration.ofSeconds(10)).until(() -> failedAttemptsFor(ids) >= APPLICATIONS);
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.backlog", greaterThanOrEqualTo(APPLICATIONS));

        CaseServiceStub.accept();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> backlog() == 0);

        Map<String, Integer> accepted = new HashMap<>();
        int largestBatch = 0;
        for (ServeEvent e : stub.getAllServeEvents()) {
            List<JsonNode> sent = applications(e);
            for (int i = 0; i < sent.size(); i++) {
                if (CaseServiceStub.accepted(e, sent.get(i), i)) {
                    accepted.merge(sent.get(i).get("applicationId").asText(), 1, Integer::sum);
                }
            }
            if (e.getRequest().getUrl().equals(CaseServiceStub.BATCH_PATH)) {
                largestBatch = Math.max(largestBatch, sent.size());
            }
        }
        for (String id : ids) {
            assertEquals(1, accepted.getOrDefault(id, 0), "application " + id + " accepted exactly once");
        }
        assertTrue(largestBatch > 1, "the backlog went over in batch calls, the largest with " + largestBatch);
    }

    @Test
    void anApplicationRefusedInABatchIsParkedAndTheOthersAreDelivered() throws Exception {
        var stub = CaseServiceStub.server();
        stub.resetMappings();
        stub.stubFor(post(CaseServiceStub.EITHER).willReturn(aResponse().withStatus(503)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(resident().body(application()).post("/api/v1/applications").then().statusCode(202)
                    .extract().path("applicationId"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> failedAttemptsFor(ids) >= ids.size());
        // hold them back, then make them due in one statement: the next claim takes all five together
        sql("update outbox_event set next_attempt_at = now() + interval '1 hour' where destination = 'case-service' "
                + "and aggregate_id in ('" + String.join("','", ids) + "')");
        String refused = ids.get(2);
        CaseServiceStub.acceptAllBut(refused);
        stub.resetRequests();
        sql("update outbox_event set next_attempt_at = now() where destination = 'case-service' "
                + "and aggregate_id in ('" + String.join("','", ids) + "')");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("delivered_at is not null or failed_at is not null", ids) == ids.size());

        assertEquals(1, count("failed_at is not null and delivered_at is null and last_error like '%400%'",
                List.of(refused)), "the refused application is parked for an operator");
        List<String> others = new ArrayList<>(ids);
        others.remove(refused);
        assertEquals(4, count("delivered_at is not null and failed_at is null", others));
        // they went in one batch call, and only the refused one was answered 400
        ServeEvent call = stub.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(CaseServiceStub.BATCH_PATH))
                .filter(e -> ids.stream().allMatch(id -> e.getRequest().getBodyAsString().contains(id)))
                .findFirst().orElseThrow(() -> new AssertionError("no batch call carried all five"));
        List<JsonNode> sent = applications(call);
        for (int i = 0; i < sent.size(); i++) {
            String id = sent.get(i).get("applicationId").asText();
            if (ids.contains(id)) {
                assertEquals(!id.equals(refused), CaseServiceStub.accepted(call, sent.get(i), i), id);
            }
        }
    }

    /** The applications a call carried: the body itself, or each item of a batch call's array. */
    private List<JsonNode> applications(ServeEvent e) throws Exception {
        JsonNode body = json.readTree(e.getRequest().getBodyAsString());
        List<JsonNode> list = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(list::add);
        } else {
            list.add(body);
        }
        return list;
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    private long count(String condition, List<String> ids) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from outbox_event where destination = 'case-service' "
                        + "and (" + condition + ") and aggregate_id in ('" + String.join("','", ids) + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void payloadFollowsTheContractAndCarriesTheServiceToken() throws Exception {
        String id = resident().body(application()).post("/api/v1/applications").then().statusCode(202)
                .extract().path("applicationId");
        await().atMost(Duration.ofSeconds(10)).until(() -> acceptedBody(id) != null);
        ServeEvent e = acceptedEvent(id);
        assertEquals(true, e.getRequest().getHeader("Authorization").startsWith("Bearer "));
        JsonNode body = applications(e).stream().filter(a -> a.get("applicationId").asText().equals(id))
                .findFirst().orElseThrow();
        assertEquals("QR", body.get("channel").asText());
        assertEquals("利桥镇", body.get("townshipName").asText());
        assertEquals("张小三", body.get("applicant").get("name").asText());
        assertEquals(11, body.get("applicant").get("phone").asText().length());
        assertEquals("2026-11", body.get("consentVersion").asText());
        assertEquals(true, body.get("caseType").isNull());
        assertEquals(true, body.get("submittedAt").asText().endsWith("+08:00"));
    }

    private int failedAttemptsFor(List<String> ids) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from outbox_event where destination = 'case-service' "
                        + "and attempts > 0 and delivered_at is null and aggregate_id in ('"
                        + String.join("','", ids) + "')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private ServeEvent acceptedEvent(String id) throws Exception {
        for (ServeEvent e : CaseServiceStub.server().getAllServeEvents()) {
            List<JsonNode> sent = applications(e);
            for (int i = 0; i < sent.size(); i++) {
                if (sent.get(i).get("applicationId").asText().equals(id) && CaseServiceStub.accepted(e, sent.get(i), i)) {
                    return e;
                }
            }
        }
        return null;
    }

    private String acceptedBody(String id) throws Exception {
        ServeEvent e = acceptedEvent(id);
        return e == null ? null : e.getRequest().getBodyAsString();
    }
}
