package cn.scanforhelp.intake.casehandoff;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.resident;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.intake.CaseServiceStub;
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
 * accepted application reaches it exactly once, with its payload, and the backlog drains to 0.
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
        stub.stubFor(post(urlEqualTo(CaseServiceStub.PATH)).willReturn(aResponse().withStatus(503)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS / 2; i++) {
            ids.add(resident().body(application()).post("/api/v1/applications").then().statusCode(202)
                    .extract().path("applicationId"));
        }
        stub.resetMappings();
        stub.stubFor(post(urlEqualTo(CaseServiceStub.PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < APPLICATIONS / 2; i++) {
            ids.add(resident().body(application()).post("/api/v1/applications").then().statusCode(202)
                    .extract().path("applicationId"));
        }
        // the failures were tried and the backlog is visible to operators
        await().atMost(Duration.ofSeconds(10)).until(() -> failedAttemptsFor(ids) >= APPLICATIONS);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.backlog", greaterThanOrEqualTo(APPLICATIONS));

        CaseServiceStub.accept();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> backlog() == 0);

        Map<String, Integer> accepted = new HashMap<>();
        for (ServeEvent e : stub.getAllServeEvents()) {
            if (accepted(e)) {
                var body = json.readTree(e.getRequest().getBodyAsString());
                accepted.merge(body.get("applicationId").asText(), 1, Integer::sum);
            }
        }
        for (String id : ids) {
            assertEquals(1, accepted.getOrDefault(id, 0), "application " + id + " accepted exactly once");
        }
    }

    @Test
    void payloadFollowsTheContractAndCarriesTheServiceToken() throws Exception {
        String id = resident().body(application()).post("/api/v1/applications").then().statusCode(202)
                .extract().path("applicationId");
        await().atMost(Duration.ofSeconds(10)).until(() -> acceptedBody(id) != null);
        ServeEvent e = acceptedEvent(id);
        assertEquals(true, e.getRequest().getHeader("Authorization").startsWith("Bearer "));
        var body = json.readTree(e.getRequest().getBodyAsString());
        assertEquals("QR", body.get("channel").asText());
        assertEquals("利桥镇", body.get("townshipName").asText());
        assertEquals("张小三", body.get("applicant").get("name").asText());
        assertEquals(11, body.get("applicant").get("phone").asText().length());
        assertEquals("2026-11", body.get("consentVersion").asText());
        assertEquals(true, body.get("caseType").isNull());
        assertEquals(true, body.get("submittedAt").asText().endsWith("+08:00"));
    }

    /** Answered 200 (a faulted answer is logged with status 200 too, but the connection was reset). */
    private static boolean accepted(ServeEvent e) {
        return e.getResponse().getStatus() == 200 && e.getResponseDefinition().getFault() == null;
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

    private ServeEvent acceptedEvent(String id) {
        return CaseServiceStub.server().getAllServeEvents().stream()
                .filter(e -> accepted(e) && e.getRequest().getBodyAsString().contains(id))
                .findFirst().orElse(null);
    }

    private String acceptedBody(String id) {
        ServeEvent e = acceptedEvent(id);
        return e == null ? null : e.getRequest().getBodyAsString();
    }
}
