package cn.scanforhelp.infra.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries the W3C trace context (traceparent, tracestate) of the transaction that wrote an outbox event
 * to the relay that sends it later, on another thread and perhaps another replica. Without it the
 * relay's HTTP call, and everything the receiver does, would start a new trace: one application's way
 * from the form through intake, case-service and notification-service would be three traces.
 *
 * <p>The writer stores {@link #current()} with the event; the relay sends it inside {@link #send}'s span,
 * whose parent is that stored context, and the REST client puts the span into the call's
 * {@code traceparent} header, which the receiver's server span continues. A call carrying several
 * events (a batch, under a surge) cannot have several parents: its span starts a trace of its own with
 * a link to each event's context (trace viewers follow links both ways).
 */
public final class OutboxTrace {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<OutboxMessage> FROM_MESSAGE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(OutboxMessage m) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(OutboxMessage m, String key) {
            return m == null ? null : TRACEPARENT.equals(key) ? m.traceParent()
                    : TRACESTATE.equals(key) ? m.traceState() : null;
        }
    };

    private OutboxTrace() {
    }

    /** The trace context to store with an event written now; both null outside a sampled or valid span. */
    public record Carried(String traceParent, String traceState) {
        static final Carried NONE = new Carried(null, null);
    }

    /** The current span's W3C trace context (none when there is no valid span, e.g. tracing is off). */
    public static Carried current() {
        if (!Span.current().getSpanContext().isValid()) {
            return Carried.NONE;
        }
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(Context.current(), headers, Map::put);
        String state = headers.get(TRACESTATE);
        return new Carried(headers.get(TRACEPARENT), state == null || state.isEmpty() ? null : truncate(state));
    }

    /** The span context stored with an event, or an invalid one when it carries none. */
    static SpanContext stored(OutboxMessage m) {
        if (m.traceParent() == null) {
            return SpanContext.getInvalid();
        }
        return Span.fromContext(W3C.extract(Context.root(), m, FROM_MESSAGE)).getSpanContext();
    }

    /**
     * Starts the span of one relay call to a destination: the child of the stored context for a single
     * event, a new trace linked to every event's context for several. The caller makes it current for
     * the call and ends it.
     */
    static Span send(Tracer tracer, String destination, List<OutboxMessage> call) {
        SpanBuilder span = tracer.spanBuilder("outbox send " + destination).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "outbox")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", destination)
                .setAttribute("messaging.batch.message_count", (long) call.size());
        if (call.size() == 1) {
            OutboxMessage m = call.get(0);
            SpanContext parent = stored(m);
            span.setParent(parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.root())
                    .setAttribute("messaging.message.id", m.id().toString())
                    .setAttribute("sfh.outbox.event_type", m.eventType())
                    .setAttribute("sfh.outbox.attempt", (long) m.attempts() + 1);
        } else {
            span.setNoParent();
            for (OutboxMessage m : call) {
                SpanContext linked = stored(m);
                if (linked.isValid()) {
                    span.addLink(linked);
                }
            }
        }
        return span.startSpan();
    }

    /** W3C allows 512 characters of tracestate; a longer one (a misbehaving vendor) is cut at a member. */
    private static String truncate(String state) {
        if (state.length() <= 512) {
            return state;
        }
        int cut = state.lastIndexOf(',', 512);
        return cut > 0 ? state.substring(0, cut) : null;
    }
}
