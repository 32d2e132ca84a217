package cn.scanforhelp.cases.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.ConsumerPactRunnerKt;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.model.MockProviderConfig;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.events.ResidentNotices;
import cn.scanforhelp.cases.procedure.CaseStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** case-service as the consumer of intake-service's {@code POST /internal/v1/applications/{id}/status}. */
class IntakeStatusConsumerPactTest {

    static final UUID APPLICATION = UUID.fromString("0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11");
    static final UUID EVENT = UUID.fromString("9a7d4c21-5b6e-4f80-9123-4567890abcde");
    static final String STATUSES = "RECEIVED|ACCEPTED|MATERIALS_REQUESTED|NOT_ACCEPTED|UNDER_REVIEW|PUBLIC_NOTICE"
            + "|APPROVED|REJECTED|REFERRED|EMERGENCY_AID|WITHDRAWN|CLOSED";

    @Test
    void statusForTheResidentsLookUp() throws Exception {
        PactDslJsonBody body = new PactDslJsonBody()
                .uuid("eventId", EVENT)
                .uuid("caseId", NotificationConsumerPactTest.CASE)
                .integerType("sequence", 2)
                .stringMatcher("status", STATUSES, "UNDER_REVIEW")
                .stringMatcher("nextDeadline", "\\d{4}-\\d{2}-\\d{2}", "2027-01-12")
                .stringMatcher("updatedAt", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)",
                        "2026-11-29T10:00:00+08:00");
        RequestResponsePact pact = ConsumerPactBuilder.consumer("case-service").hasPactWith("intake-service")
                .given("an application 0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11 exists")
                .uponReceiving("the case moved to review")
                .path("/internal/v1/applications/" + APPLICATION + "/status").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "Bearer .+", "Bearer service-token")
                .body(body)
                .willRespondWith().status(204)
                .toPact();
        CaseFile c = new CaseFile();
        c.id = NotificationConsumerPactTest.CASE;
        c.status = CaseStatus.REVIEW;
        c.statusSequence = 2;
        c.nextDueOn = LocalDate.of(2027, 1, 12);
        var result = ConsumerPactRunnerKt.runConsumerTest(pact, MockProviderConfig.createDefault(PactSpecVersion.V3),
                (server, context) -> {
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            server.getUrl() + "/internal/v1/applications/" + APPLICATION + "/status"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer service-token")
                            .POST(HttpRequest.BodyPublishers.ofString(PactFiles.JSON.writeValueAsString(
                                    ResidentNotices.status(EVENT, c)))).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(204, r.statusCode(), r.body());
                    return null;
                });
        PactFiles.assertOk(result);
        PactFiles.writeAndCompare(pact, "intake-service");
    }
}
