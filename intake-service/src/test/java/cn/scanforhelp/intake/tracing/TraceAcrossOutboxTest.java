package cn.scanforhelp.intake.tracing;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.intake.CaseServiceStub;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A resident's application and its hand-off to case-service are one trace: the form's request span,
 * the relay's send span (on the relay's thread, after the commit) as its child, the REST client's call
 * under it, and the call's {@code traceparent} header naming that call, so case-service's span
 * continues the same trace. case-service is WireMock here; case-service's own test takes the header
 * from there on. No span carries the resident's personal data, not even a phone number in a query.
 */
@QuarkusTest
@TestProfile(Spans.On.class)
class TraceAcrossOutboxTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theHandOffToCaseServiceContinuesTheSubmissionsTrace() {
        String idNumber = idNumber();
        String phone = phone();
        String applicationId = resident().body(application(idNumber, phone)).post("/api/v1/applications").then()
                .statusCode(202).extract().path("applicationId");

        ServeEvent call = await().atMost(Duration.ofSeconds(20)).until(() -> handOff(applicationId), Optional::isPresent)
                .orElseThrow();
        String traceparent = call.getRequest().getHeader("traceparent");
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), traceparent);
        String traceId = traceparent.substring(3, 35);
        String callerSpanId = traceparent.substring(36, 52);

        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spansOf(traceId),
                s -> s.stream().anyMatch(d -> d.getSpanId().equals(callerSpanId)));
        SpanData submit = only(trace, d -> d.getKind() == SpanKind.SERVER && d.getName().contains("/api/v1/applications"));
        SpanData send = only(trace, d -> d.getName().equals("outbox send case-service"));
        SpanData client = only(trace, d -> d.getSpanId().equals(callerSpanId));

        assertFalse(submit.getParentSpanContext().isValid(), "the form's request starts the trace");
        assertEquals(traceId, send.getTraceId());
        assertTrue(ancestor(trace, submit, send), "the relay's send descends from the form's request");
        assertEquals(SpanKind.CLIENT, client.getKind());
        assertEquals(send.getSpanId(), client.getParentSpanId(), "the HTTP call is made inside the send span");

        assertNoSpanHolds(idNumber, phone, "张小三");
    }

    @Test
    void aQueryStringsValuesNeverReachASpan() {
        String phone = phone();
        given().queryParam("phone", phone).get("/api/v1/divisions");
        given().get("/api/v1/divisions?" + phone);

        await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(d -> d.getKind() == SpanKind.SERVER && d.getName().contains("divisions")).count() >= 2);
        assertNoSpanHolds(phone);
        assertTrue(spans.getFinishedSpanItems().stream().anyMatch(d -> "phone=…".equals(
                d.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("url.query")))),
                "the query is recorded, its value replaced");
    }

    private Optional<ServeEvent> handOff(String applicationId) {
        return CaseServiceStub.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(CaseServiceStub.PATH))
                .filter(e -> e.getRequest().getBodyAsString().contains(applicationId))
                .findFirst();
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(d -> d.getTraceId().equals(traceId)).toList();
    }

    private static SpanData only(List<SpanData> trace, java.util.function.Predicate<SpanData> which) {
        List<SpanData> found = trace.stream().filter(which).toList();
        assertEquals(1, found.size(), () -> "one such span in " + trace);
        return found.get(0);
    }

    private static boolean ancestor(List<SpanData> trace, SpanData ancestor, SpanData span) {
        String parent = span.getParentSpanId();
        for (int depth = 0; depth < 20; depth++) {
            if (parent.equals(ancestor.getSpanId())) {
                return true;
            }
            String p = parent;
            Optional<SpanData> up = trace.stream().filter(d -> d.getSpanId().equals(p)).findFirst();
            if (up.isEmpty()) {
                return false;
            }
            parent = up.get().getParentSpanId();
        }
        return false;
    }

    private void assertNoSpanHolds(String... personal) {
        for (SpanData d : spans.getFinishedSpanItems()) {
            String all = d.getName() + " " + d.getAttributes() + " " + d.getEvents() + " " + d.getStatus();
            for (String value : personal) {
                assertFalse(all.contains(value), () -> "span " + d.getName() + " holds personal data: " + all);
            }
        }
    }
}
