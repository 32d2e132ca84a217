package cn.scanforhelp.infra.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event as the relay hands it to a delivery. {@code payload} is the JSON text written;
 * {@code traceParent} and {@code traceState} the W3C trace context it was written in (null when none,
 * see {@link OutboxTrace}).
 */
public record OutboxMessage(UUID id, String destination, String aggregateId, String eventType, String payload,
        OffsetDateTime createdAt, int attempts, String traceParent, String traceState) {

    /** An event written outside any trace. */
    public OutboxMessage(UUID id, String destination, String aggregateId, String eventType, String payload,
            OffsetDateTime createdAt, int attempts) {
        this(id, destination, aggregateId, eventType, payload, createdAt, attempts, null, null);
    }
}
