package cn.scanforhelp.cases.events;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.cases.DownstreamResource;
import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Events leave through the outbox relay, in order, with a service token and the phone decrypted, in
 * the receivers' batch calls; a receiver's verdict on one event of a batch touches that event only.
 */
@QuarkusTest
class OutboundEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(20);

    /** Every item sent to a batch endpoint, with the request that carried it. */
    record Sent(LoggedRequest request, JsonNode item) {
    }

    static List<Sent> sent(String path, Predicate<JsonNode> which) {
        List<Sent> out = new ArrayList<>();
        for (LoggedRequest r : DownstreamResource.server().findAll(postRequestedFor(urlEqualTo(path)))) {
            try {
                for (JsonNode item : JSON.readTree(r.getBodyAsString())) {
                    if (which.test(item)) {
                        out.add(new Sent(r, item));
                    }
                }
            } catch (java.io.IOException e) {
                throw new AssertionError(path + " got a body that is not JSON", e);
            }
        }
        return out;
    }

    @Test
    void stepsReachNotificationInOrderAndStatusReachesIntake() {
        Map<String, Object> app = application("620503114", idNumber());
        String c = open(app);
        step(c, Tokens.liqiao(), action("REQUEST_MATERIALS", "materials", List.of("户口簿复印件", "医院诊断证明")));
        step(c, Tokens.liqiao(), action("RECEIVE_MATERIALS"));
        step(c, Tokens.liqiao(), action("ACCEPT"));
        Predicate<JsonNode> ofCase = i -> c.equals(i.path("caseId").asText());
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertEquals(
                List.of("RECEIVED", "MATERIALS_REQUESTED", "ACCEPTED"),
                sent(DownstreamResource.EVENTS_BATCH, ofCase).stream().map(s -> s.item().path("type").asText()).toList()));
        Sent materials = sent(DownstreamResource.EVENTS_BATCH, ofCase).get(1);
        assertTrue(materials.request().getHeader("Authorization").matches("Bearer .+"));
        assertEquals("13812345678", materials.item().path("phone").asText());
        assertEquals("医院诊断证明", materials.item().path("materials").path(1).asText());
        assertEquals(app.get("trackingNumber"), materials.item().path("trackingNumber").asText());
        // the batch path only: nothing of this case went to the single endpoint
        DownstreamResource.server().verify(0, postRequestedFor(urlEqualTo("/internal/v1/events"))
                .withRequestBody(containing(c)));

        Predicate<JsonNode> ofApplication = i -> app.get("applicationId").equals(i.path("applicationId").asText());
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertTrue(sent(DownstreamResource.STATUSES, ofApplication)
                .stream().anyMatch(s -> "ACCEPTED".equals(s.item().path("status").asText())
                        && c.equals(s.item().path("caseId").asText())
                        && s.request().getHeader("Authorization").matches("Bearer .+"))));
        DownstreamResource.server().verify(0, postRequestedFor(
                urlEqualTo("/internal/v1/applications/" + app.get("applicationId") + "/status")));
        Awaitility.await().atMost(WAIT).until(() -> count(
                "select count(*) from outbox_event where aggregate_id = ? and delivered_at is null", c) == 0);
    }

    @Test
    void anEventTheReceiverRefusesIsParkedAloneAndTheOthersOfItsCallAreDelivered() throws Exception {
        UUID good = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        DownstreamResource.REFUSED.add(bad.toString());
        enqueueTogether(good, bad);
        Awaitility.await().atMost(WAIT).until(() -> delivered(good) && parked(bad));
        // both went in one call, and the receiver's verdict reached each event on its own
        assertTrue(sent(DownstreamResource.EVENTS_BATCH, i -> good.toString().equals(i.path("eventId").asText()))
                .stream().anyMatch(s -> s.request().getBodyAsString().contains(bad.toString())));
        assertEquals(1, count("select count(*) from outbox_event where id = ? and last_error like '%400%validation-failed%'",
                bad));
    }

    @Test
    void aBatchCallThatFailsWholeIsRetriedForEveryEventInIt() throws Exception {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        // a receiver not yet upgraded: the batch route does not exist there
        var notUpgraded = DownstreamResource.server().stubFor(post(urlEqualTo(DownstreamResource.EVENTS_BATCH))
                .withRequestBody(containing(one.toString())).atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        try {
            enqueueTogether(one, two);
            Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from outbox_event where id in (?, ?) "
                    + "and attempts >= 1 and delivered_at is null and failed_at is null and last_error like '%404%'",
                    one, two) == 2);
        } finally {
            DownstreamResource.server().removeStub(notUpgraded);
        }
        Awaitility.await().atMost(WAIT).until(() -> delivered(one) && delivered(two));
    }

    /**
     * Two SMS events of different cases, committed together so that the relay claims them in one batch
     * (at its next poll: written from outside the service, they wake no relay).
     */
    static void enqueueTogether(UUID... ids) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl())) {
            c.setAutoCommit(false);
            for (UUID id : ids) {
                try (PreparedStatement ps = c.prepareStatement("insert into outbox_event (id, destination, aggregate_id, "
                        + "event_type, payload) values (?, 'notification-service', ?, 'RECEIVED', cast(? as jsonb))")) {
                    ps.setObject(1, id);
                    ps.setString(2, UUID.randomUUID().toString());
                    ps.setString(3, "{\"eventId\":\"" + id + "\",\"type\":\"RECEIVED\",\"caseId\":\"" + UUID.randomUUID()
                            + "\"}");
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    static boolean delivered(UUID id) {
        return count("select count(*) from outbox_event where id = ? and delivered_at is not null", id) == 1;
    }

    static boolean parked(UUID id) {
        return count("select count(*) from outbox_event where id = ? and failed_at is not null", id) == 1;
    }
}
