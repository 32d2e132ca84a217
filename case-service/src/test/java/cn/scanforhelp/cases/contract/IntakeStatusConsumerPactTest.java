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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** case-service as the consumer of intake-service's {@code POST /internal/v1/applications/{id}/status}. */
class IntakeStatusConsumerPactTest {

    static final UUID APPLICATION = UUID.fromString("0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11");
    static final UUID EVENT = UUID.fromString("9a7d4c21-5b6e-4f80-9123-4567890abcde");
    static final String STATUSES = "RECEIVED|ACCEPTED|MATERIALS_REQUESTED|NOT_ACCEPTED|UNDER_REVIEW|PUBLIC_NOTICE"
            + "|APPROVED|REJECTED|REFERRED|EMERGENCY_AID|WITHDRAWN|CLOSED";

    static final UUID UNKNOWN = UUID.fromString("9e9e9e9e-0000-4000-8000-000000000000");
    static final UUID BATCHED = UUID.fromString("9a7d4c21-5b6e-4f80-9123-4567890abcdf");
    static final UUID LOST = UUID.fromString("9a7d4c21-5b6e-4f80-9123-4567890abce0");

    /** A status report's fields, alone or as an element of a batch's array (with the application first). */
    static PactDslJsonBody fill(PactDslJsonBody body, UUID eventId) {
        return body
                .uuid("eventId", eventId)
                .uuid("caseId", NotificationConsumerPactTest.CASE)
                .integerType("sequence", 2)
                .stringMatcher("status", STATUSES, "UNDER_REVIEW")
                .stringMatcher("nextDeadline", "\\d{4}-\\d{2}-\\d{2}", "2027-01-12")
                .stringMatcher("updatedAt", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)",
                        "2026-11-29T10:00:00+08:00");
    }

    @Test
    void statusForTheResidentsLookUp() throws Exception {
        PactDslJsonBody body = fill(new PactDslJsonBody(), EVENT);
        PactDslJsonArray batch = new PactDslJsonArray();
        fill(batch.object().uuid("applicationId", APPLICATION), BATCHED).closeObject();
        fill(batch.object().uuid("applicationId", UNKNOWN), LOST).closeObject();
        RequestResponsePact pact = ConsumerPactBuilder.consumer("case-service").hasPactWith("intake-service")
                .given("an application 0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11 exists")
                .uponReceiving("the case moved to review")
                .path("/internal/v1/applications/" + APPLICATION + "/status").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "Bearer .+", "Bearer service-token")
                .body(body)
                .willRespondWith().status(204)
                .given("an application 0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11 exists")
                .given("no application 9e9e9e9e-0000-4000-8000-000000000000 exists")
                .uponReceiving("status reports of two applications in one batch call, one of them unknown")
                .path("/internal/v1/applications/statuses").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "Bearer .+", "Bearer service-token")
                .body(batch)
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody().array("results")
                        .object().numberValue("status", 200).closeObject()
                        .object().numberValue("status", 404)
                        .stringValue("problem", "urn:scan-for-help:problem:not-found").closeObject()
                        .closeArray())
                .toPact();
        CaseFile c = new CaseFile();
        c.id = NotificationConsumerPactTest.CASE;
        c.status = CaseStatus.REVIEW;
        c.statusSequence = 2;
        c.nextDueOn = LocalDate.of(2027, 1, 12);
        c.updatedAt = java.time.OffsetDateTime.parse("2026-11-30T10:15:00+08:00");
        var result = ConsumerPactRunnerKt.runConsumerTest(pact, MockProviderConfig.createDefault(PactSpecVersion.V3),
                (server, context) -> {
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            server.getUrl() + "/internal/v1/applications/" + APPLICATION + "/status"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer service-token")
                            .POST(HttpRequest.BodyPublishers.ofString(PactFiles.JSON.writeValueAsString(
                                    ResidentNotices.status(EVENT, c)))).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(204, r.statusCode(), r.body());
                    // the batch exactly as the delivery writes it, and its answer as the delivery reads it
                    List<String> items = List.of(
                            Deliveries.ToIntake.item(PactFiles.JSON, APPLICATION.toString(),
                                    PactFiles.JSON.writeValueAsString(ResidentNotices.status(BATCHED, c))),
                            Deliveries.ToIntake.item(PactFiles.JSON, UNKNOWN.toString(),
                                    PactFiles.JSON.writeValueAsString(ResidentNotices.status(LOST, c))));
                    HttpResponse<String> b = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            server.getUrl() + "/internal/v1/applications/statuses"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer service-token")
                            .POST(HttpRequest.BodyPublishers.ofString(BatchCalls.array(items))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, b.statusCode(), b.body());
                    List<Exception> outcomes = BatchCalls.outcomes(b.body(), 2, "intake-service", PactFiles.JSON);
                    assertNull(outcomes.get(0));
                    // an unknown application is retried, as for a single report
                    assertInstanceOf(IllegalStateException.class, outcomes.get(1));
                    return null;
                });
        PactFiles.assertOk(result);
        PactFiles.writeAndCompare(pact, "intake-service");
    }
}
