package cn.scanforhelp.infra.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event as the relay hands it to a delivery. {@code payload} is the JSON text written. */
public record OutboxMessage(UUID id, String destination, String aggregateId, String eventType, String payload,
        OffsetDateTime createdAt, int attempts) {
}
