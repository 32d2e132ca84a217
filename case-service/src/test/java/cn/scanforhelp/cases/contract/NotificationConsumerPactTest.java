package cn.scanforhelp.cases.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.ConsumerPactRunnerKt;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.model.MockProviderConfig;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.infra.outbox.BatchCalls;
import cn.scanforhelp.cases.events.Deliveries;
import cn.scanforhelp.cases.events.ResidentNotices;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.cases.procedure.ResidentEvent;
import cn.scanforhelp.infra.outbox.OutboxDelivery;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * case-service as the consumer of notification-service's {@code POST /internal/v1/events}. The bodies sent
 * are built by the production code ({@link ResidentNotices#notification}); the phone is in clear, as the
 * delivery sends it after decrypting.
 */
class NotificationConsumerPactTest {

    static final String TYPES = "RECEIVED|ACCEPTED|MATERIALS_REQUESTED|NOT_ACCEPTED|EXTENDED|PUBLIC_NOTICE|APPROVED"
            + "|REJECTED|EMERGENCY_AID|REFERRED|CLOSED|WITHDRAWN|OBJECTION_RECORDED";
    static final UUID EVENT = UUID.fromString("6f1c2b9e-1d2a-4c1e-9a55-0d6f5b8a1c01");
    static final UUID REPEATED = UUID.fromString("2a4c6e80-0000-4000-8000-00000000b002");
    /** The provider state notification-service's verification prepares (nothing: events are idempotent). */
    static final String NEW = "notification-service accepts events";
    static final UUID CASE = UUID.fromString("3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6");

    static PactDslJsonBody common(String type) {
        return common(type, EVENT);
    }

    static PactDslJsonBody common(String type, UUID eventId) {
        return fill(new PactDslJsonBody(), type, eventId, true);
    }

    /** The fields every event has, into a body of its own or an element of a batch's array. */
    static PactDslJsonBody fill(PactDslJsonBody body, String type, UUID eventId, boolean trackingNumber) {
        body.uuid("eventId", eventId)
                .stringMatcher("type", TYPES, type)
                .uuid("caseId", CASE);
        if (trackingNumber) {
            body.stringMatcher("trackingNumber", "[0-9A-Z]{6,16}", "K7QM4HXP2R");
        } else {
            body.nullValue("trackingNumber");
        }
        return (PactDslJsonBody) body
                .stringMatcher("divisionCode", "[0-9]{9,12}", "620503114")
                .stringType("townshipName", "利桥镇")
                .stringType("hotline", "0938-2731001")
                .stringMatcher("phone", "1[0-9]{10}", "13812345678")
                .booleanType("urgent", false)
                .stringMatcher("occurredAt", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)",
                        "2026-11-29T10:00:00+08:00")
                .stringMatcher("deadline", "\\d{4}-\\d{2}-\\d{2}", "2026-12-02");
    }

    static final UUID BATCHED = UUID.fromString("7b2d4f60-0000-4000-8000-00000000c003");
    static final UUID REFUSED = UUID.fromString("7b2d4f60-0000-4000-8000-00000000c004");

    /** A batch as the delivery sends it: an event, and one the receiver refuses (no tracking number). */
    static PactDslJsonArray batch() {
        PactDslJsonArray batch = new PactDslJsonArray();
        PactDslJsonBody received = fill(batch.object(), "RECEIVED", BATCHED, true);
        received.nullValue("reasonCategory").nullValue("materials").nullValue("department").nullValue("amountYuan")
                .nullValue("noticeEndsOn").nullValue("payment").nullValue("emergencyAidYuan").nullValue("materialsDueOn")
                .booleanValue("ratingRequested", false).closeObject();
        PactDslJsonBody refused = fill(batch.object(), "ACCEPTED", REFUSED, false);
        refused.nullValue("reasonCategory").nullValue("materials").nullValue("department").nullValue("amountYuan")
                .nullValue("noticeEndsOn").nullValue("payment").nullValue("emergencyAidYuan").nullValue("materialsDueOn")
                .booleanValue("ratingRequested", false).closeObject();
        return batch;
    }

    static CaseFile sample() {
        CaseFile c = new CaseFile();
        c.id = CASE;
        c.trackingNumber = "K7QM4HXP2R";
        c.divisionCode = "620503114";
        c.townshipName = "利桥镇";
        c.hotline = "0938-2731001";
        c.phoneEnc = "13812345678"; // the delivery has decrypted it by the time it is sent
        c.urgent = false;
        c.nextDueOn = LocalDate.of(2026, 12, 2);
        c.updatedAt = java.time.OffsetDateTime.parse("2026-11-30T10:15:00+08:00");
        return c;
    }

    static CaseFile materialsRequested() {
        CaseFile c = sample();
        c.materialsDueOn = LocalDate.of(2026, 12, 9);
        return c;
    }

    static CaseFile temporaryWithAid() {
        CaseFile c = sample();
        c.type = CaseType.TEMPORARY;
        c.emergencyAidYuan = new BigDecimal("500.00");
        return c;
    }

    @Test
    void smsEvents() throws Exception {
        PactDslJsonBody accepted = common("ACCEPTED");
        accepted.nullValue("reasonCategory").nullValue("materials").nullValue("department").nullValue("amountYuan")
                .nullValue("noticeEndsOn").nullValue("payment").nullValue("emergencyAidYuan").nullValue("materialsDueOn")
                .booleanValue("ratingRequested", false);
        PactDslJsonBody materials = common("MATERIALS_REQUESTED");
        materials.nullValue("reasonCategory");
        materials.minArrayLike("materials", 1, au.com.dius.pact.consumer.dsl.PactDslJsonRootValue.stringType("户口簿复印件"), 2);
        materials.nullValue("department").nullValue("amountYuan").nullValue("noticeEndsOn").nullValue("payment")
                .nullValue("emergencyAidYuan").stringMatcher("materialsDueOn", "\\d{4}-\\d{2}-\\d{2}", "2026-12-09")
                .booleanValue("ratingRequested", false);
        PactDslJsonBody approved = common("APPROVED");
        approved.nullValue("reasonCategory").nullValue("materials").nullValue("department")
                .decimalType("amountYuan", new BigDecimal("2000.00")).nullValue("noticeEndsOn")
                .stringMatcher("payment", "MONTHLY|ONE_OFF", "ONE_OFF").decimalType("emergencyAidYuan", new BigDecimal("500.00"))
                .nullValue("materialsDueOn").booleanValue("ratingRequested", false);
        PactDslJsonBody closed = common("CLOSED");
        closed.nullValue("reasonCategory").nullValue("materials").nullValue("department").nullValue("amountYuan")
                .nullValue("noticeEndsOn").nullValue("payment").nullValue("emergencyAidYuan").nullValue("materialsDueOn")
                .booleanValue("ratingRequested", true);

        PactDslJsonBody rejected = common("REJECTED", REPEATED);
        rejected.stringMatcher("reasonCategory", "[A-Z_]{1,32}", "INCOME_ABOVE_STANDARD").nullValue("materials")
                .nullValue("department").nullValue("amountYuan").nullValue("noticeEndsOn").nullValue("payment")
                .nullValue("emergencyAidYuan").nullValue("materialsDueOn").booleanValue("ratingRequested", false);

        RequestResponsePact pact = ConsumerPactBuilder.consumer("case-service").hasPactWith("notification-service")
                .given(NEW)
                .uponReceiving("the resident's case was accepted")
                .path("/internal/v1/events").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "Bearer .+", "Bearer service-token")
                .body(accepted)
                .willRespondWith().status(202)
                .given(NEW)
                .uponReceiving("all missing materials are requested at once")
                .path("/internal/v1/events").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "Bearer .+", "Bearer service-token")
                .body(materials)
                .willRespondWith().status(202)
                .given(NEW)
                .uponReceiving("temporary aid was approved with an amount, one-off, after emergency aid")
                .path("/internal/v1/events").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "Bearer .+", "Bearer service-token")
                .body(approved)
                .willRespondWith().status(202)
                .given(NEW)
                .uponReceiving("an approved case closes and the resident is asked for a rating")
                .path("/internal/v1/events").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "Bearer .+", "Bearer service-token")
                .body(closed)
                .willRespondWith().status(202)
                .given(NEW)
                .uponReceiving("a rejection with its reason category")
                .path("/internal/v1/events").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "Bearer .+", "Bearer service-token")
                .body(rejected)
                .willRespondWith().status(202)
                .given(NEW)
                .uponReceiving("events of two cases in one batch call")
                .path("/internal/v1/events/batch").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "Bearer .+", "Bearer service-token")
                .body(batch())
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody().array("results")
                        .object().numberValue("status", 200).closeObject()
                        .object().numberValue("status", 400)
                        .stringValue("problem", "urn:scan-for-help:problem:validation-failed").closeObject()
                        .closeArray())
                .toPact();

        var result = ConsumerPactRunnerKt.runConsumerTest(pact, MockProviderConfig.createDefault(PactSpecVersion.V3),
                (server, context) -> {
                    HttpClient http = HttpClient.newHttpClient();
                    List<Map<String, Object>> bodies = List.of(
                            ResidentNotices.notification(EVENT, sample(), ResidentEvent.ACCEPTED,
                                    ResidentNotices.Extras.NONE),
                            ResidentNotices.notification(EVENT, materialsRequested(), ResidentEvent.MATERIALS_REQUESTED,
                                    new ResidentNotices.Extras(null, List.of("户口簿复印件", "医院诊断证明"), null, null)),
                            ResidentNotices.notification(EVENT, temporaryWithAid(), ResidentEvent.APPROVED,
                                    new ResidentNotices.Extras(null, null, null, new BigDecimal("2000.00"))),
                            ResidentNotices.notification(EVENT, sample(), ResidentEvent.CLOSED,
                                    new ResidentNotices.Extras(null, null, null, null, CaseStatus.APPROVED)),
                            ResidentNotices.notification(REPEATED, sample(), ResidentEvent.REJECTED,
                                    new ResidentNotices.Extras("INCOME_ABOVE_STANDARD", null, null, null)));
                    for (Map<String, Object> body : bodies) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.getUrl()
                                + "/internal/v1/events")).header("Content-Type", "application/json")
                                .header("Authorization", "Bearer service-token")
                                .POST(HttpRequest.BodyPublishers.ofString(PactFiles.JSON.writeValueAsString(body)))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(202, r.statusCode(), r.body());
                    }
                    // the batch exactly as the delivery writes it, and its answer as the delivery reads it
                    CaseFile broken = sample();
                    broken.trackingNumber = null; // refused by the receiver, alone
                    List<String> items = new ArrayList<>();
                    for (Map<String, Object> payload : List.of(
                            ResidentNotices.notification(BATCHED, sample(), ResidentEvent.RECEIVED,
                                    ResidentNotices.Extras.NONE),
                            ResidentNotices.notification(REFUSED, broken, ResidentEvent.ACCEPTED,
                                    ResidentNotices.Extras.NONE))) {
                        items.add(Deliveries.ToNotification.item(PactFiles.JSON, phone -> phone,
                                PactFiles.JSON.writeValueAsString(payload)));
                    }
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.getUrl()
                            + "/internal/v1/events/batch")).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer service-token")
                            .POST(HttpRequest.BodyPublishers.ofString(BatchCalls.array(items)))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), r.body());
                    List<Exception> outcomes = BatchCalls.outcomes(r.body(), 2, "notification-service", PactFiles.JSON);
                    assertNull(outcomes.get(0));
                    assertInstanceOf(OutboxDelivery.PermanentDeliveryFailure.class, outcomes.get(1));
                    return null;
                });
        PactFiles.assertOk(result);
        PactFiles.writeAndCompare(pact, "notification-service");
    }
}
