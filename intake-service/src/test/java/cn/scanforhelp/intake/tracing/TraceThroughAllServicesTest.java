package cn.scanforhelp.intake.tracing;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.intake.CaseServiceStub;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One submission, one trace, three services: intake here (spans in memory), the real case-service and
 * notification-service as processes (their packaged runners, production's OTLP exporter pointed at an
 * in-test receiver). case-service's stub in front of them only passes the calls on (WireMock as a
 * proxy, headers included), so intake's configuration stays as in every other test.
 */
@QuarkusTest
@TestProfile(Spans.On.class)
class TraceThroughAllServicesTest {

    static OtlpReceiver receiver;
    static RealServices services;

    @Inject
    InMemorySpanExporter spans;

    @BeforeAll
    static void start() throws Exception {
        receiver = new OtlpReceiver();
        services = new RealServices(receiver.endpoint());
        CaseServiceStub.server().stubFor(any(anyUrl()).atPriority(1)
                .willReturn(aResponse().proxiedFrom(services.caseService)));
    }

    @AfterAll
    static void stop() {
        CaseServiceStub.accept();
        if (services != null) {
            services.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aSubmissionsSpansInAllThreeServicesShareOneTraceId() {
        // one application delivered first: the service-account token is then in hand (docs/operations.md, "Traces":
        // calls that wait on one token fetch resume on the context of the call that started it)
        String warm = resident().body(application(idNumber(), phone())).post("/api/v1/applications").then()
                .statusCode(202).extract().path("applicationId");
        await().atMost(Duration.ofSeconds(30)).until(() -> CaseServiceStub.server().getAllServeEvents().stream()
                .anyMatch(e -> e.getRequest().getBodyAsString().contains(warm)));
        String applicationId = resident().body(application(idNumber(), phone())).post("/api/v1/applications").then()
                .statusCode(202).extract().path("applicationId");

        String traceparent = await().atMost(Duration.ofSeconds(30)).until(() -> CaseServiceStub.server()
                .getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(applicationId))
                .map(e -> e.getRequest().getHeader("traceparent")).findFirst().orElse(null), t -> t != null);
        String traceId = traceparent.substring(3, 35);

        // notification-service's receiving span is the last hop, and case-service's calling span ends after it and
        // may leave in a later export batch: wait for both, not for a time
        List<OtlpReceiver.Received> remote;
        try {
            remote = await().atMost(Duration.ofSeconds(60)).until(
                    () -> receiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList(),
                    TraceThroughAllServicesTest::lastHopAndItsCallerArrived);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no span of notification-service in trace " + traceId + "; received: " + receiver, e);
        }
        List<SpanData> local = spans.getFinishedSpanItems().stream().filter(d -> d.getTraceId().equals(traceId))
                .toList();

        assertTrue(local.stream().anyMatch(d -> d.getKind() == SpanKind.SERVER
                && d.getName().contains("/api/v1/applications")), "intake's form request is in the trace");
        Set<String> services = remote.stream().map(OtlpReceiver.Received::service).collect(Collectors.toSet());
        assertEquals(Set.of("case-service", "notification-service"), services);

        // each hop's receiving span continues the sender's call
        OtlpReceiver.Received caseReceives = remote.stream()
                .filter(s -> s.service().equals("case-service") && s.kind() == 2).findFirst().orElseThrow();
        assertEquals(traceparent.substring(36, 52), caseReceives.parentSpanId(),
                "case-service continues intake's call");
        OtlpReceiver.Received notificationReceives = remote.stream()
                .filter(s -> s.service().equals("notification-service") && s.kind() == 2).findFirst().orElseThrow();
        OtlpReceiver.Received caseCalls = remote.stream()
                .filter(s -> s.spanId().equals(notificationReceives.parentSpanId())).findFirst().orElseThrow();
        assertEquals("case-service", caseCalls.service());
        assertEquals(3, caseCalls.kind(), "a client span of case-service's relay");
        assertTrue(remote.stream().anyMatch(s -> s.service().equals("case-service")
                && s.name().equals("outbox send notification-service") && s.spanId().equals(caseCalls.parentSpanId())),
                "the call is made inside the relay's send span");
    }

    private static boolean lastHopAndItsCallerArrived(List<OtlpReceiver.Received> trace) {
        return trace.stream().filter(s -> s.service().equals("notification-service") && s.kind() == 2)
                .anyMatch(receives -> trace.stream().anyMatch(s -> s.spanId().equals(receives.parentSpanId()))
                        && trace.stream().anyMatch(s -> s.name().equals("outbox send notification-service")));
    }
}
