package cn.scanforhelp.infra.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The trace context an outbox event is written in reaches the relay's call and, through the call's
 * {@code traceparent} header, the receiver's processing span: one trace from the writer's request to
 * the receiver's work, with the relay's send span between them. The real OpenTelemetry SDK, exporting
 * to memory; the header goes out and comes in through the W3C propagator, as the REST client and the
 * receiver's HTTP server instrumentation carry it.
 */
class OutboxTraceTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void anEventWrittenInASpanIsRelayedAndReceivedInThatTrace() {
        Span request = tracer.spanBuilder("POST /api/v1/applications").setSpanKind(SpanKind.SERVER).startSpan();
        OutboxTrace.Carried carried;
        try (Scope ignored = request.makeCurrent()) {
            carried = OutboxTrace.current();
        } finally {
            request.end();
        }
        String traceId = request.getSpanContext().getTraceId();
        assertEquals("00-" + traceId + "-" + request.getSpanContext().getSpanId() + "-01", carried.traceParent());

        // later, on the relay's thread, where no span is current
        Map<String, String> headers = new HashMap<>();
        Span send = OutboxTrace.send(tracer, "case-service", List.of(message(carried)));
        try (Scope ignored = send.makeCurrent()) {
            W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        } finally {
            send.end();
        }

        // the receiver continues the header's context as its processing span's parent
        Context received = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MAP);
        tracer.spanBuilder("POST /internal/v1/applications").setSpanKind(SpanKind.SERVER).setParent(received)
                .startSpan().end();

        SpanData sent = span("outbox send case-service");
        SpanData processing = span("POST /internal/v1/applications");
        assertEquals(traceId, sent.getTraceId());
        assertEquals(request.getSpanContext().getSpanId(), sent.getParentSpanId());
        assertEquals(SpanKind.PRODUCER, sent.getKind());
        assertEquals(traceId, processing.getTraceId());
        assertEquals(sent.getSpanId(), processing.getParentSpanId());
    }

    @Test
    void outsideATraceNothingIsStoredAndTheSendStartsItsOwn() {
        OutboxTrace.Carried carried = OutboxTrace.current();
        assertNull(carried.traceParent());
        assertNull(carried.traceState());

        OutboxTrace.send(tracer, "notification-service", List.of(message(carried))).end();

        SpanData sent = span("outbox send notification-service");
        assertFalse(sent.getParentSpanContext().isValid(), "a root span");
    }

    @Test
    void aBatchOfEventsFromSeveralTracesLinksToEachOfThem() {
        OutboxTrace.Carried first = carriedFromNewTrace();
        OutboxTrace.Carried second = carriedFromNewTrace();

        OutboxTrace.send(tracer, "case-service", List.of(message(first), message(second), message(
                new OutboxTrace.Carried(null, null)))).end();

        SpanData batch = span("outbox send case-service");
        assertFalse(batch.getParentSpanContext().isValid(), "a batch has no single parent");
        List<String> linked = batch.getLinks().stream().map(LinkData::getSpanContext)
                .map(c -> "00-" + c.getTraceId() + "-" + c.getSpanId() + "-01").toList();
        assertEquals(List.of(first.traceParent(), second.traceParent()), linked);
        assertEquals(3L, batch.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("messaging.batch.message_count"))
                .findFirst().orElseThrow().getValue());
    }

    @Test
    void aDamagedStoredContextStartsANewTraceInsteadOfFailingTheDelivery() {
        Span send = OutboxTrace.send(tracer, "case-service", List.of(message(
                new OutboxTrace.Carried("not-a-traceparent", null))));
        send.end();
        assertTrue(send.getSpanContext().isValid());
        assertFalse(span("outbox send case-service").getParentSpanContext().isValid());
    }

    private OutboxTrace.Carried carriedFromNewTrace() {
        Span s = tracer.spanBuilder("elsewhere").startSpan();
        try (Scope ignored = s.makeCurrent()) {
            return OutboxTrace.current();
        } finally {
            s.end();
        }
    }

    private static OutboxMessage message(OutboxTrace.Carried carried) {
        return new OutboxMessage(UUID.randomUUID(), "case-service", UUID.randomUUID().toString(), "SUBMITTED", "{}",
                OffsetDateTime.parse("2026-11-25T10:00:00+08:00"), 0, carried.traceParent(), carried.traceState());
    }

    private SpanData span(String name) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.getFinishedSpanItems()));
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
