package cn.scanforhelp.intake.casehandoff;

import cn.scanforhelp.infra.outbox.BatchCalls;
import cn.scanforhelp.infra.outbox.OutboxDelivery;
import cn.scanforhelp.infra.outbox.OutboxMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Delivers submitted applications to case-service; the outbox relay retries until accepted. Under a
 * surge the relay hands over many at once: they go in batch calls (one token check and one receiving
 * transaction for all), each call at most {@code sfh.handoff.batch-size} applications and
 * {@code sfh.handoff.batch-max-body} bytes (below case-service's body limit), and each application
 * is retried or parked on its own result.
 */
@ApplicationScoped
public class CaseServiceDelivery implements OutboxDelivery {

    public static final String DESTINATION = "case-service";

    private final CaseServiceClient client;
    private final HandoffPayloads payloads;
    private final ObjectMapper mapper;
    private final int batchSize;
    private final int maxBody;

    public CaseServiceDelivery(@RestClient CaseServiceClient client, HandoffPayloads payloads, ObjectMapper mapper,
            @ConfigProperty(name = "sfh.handoff.batch-size", defaultValue = "100") int batchSize,
            @ConfigProperty(name = "sfh.handoff.batch-max-body", defaultValue = "60K") MemorySize maxBody) {
        this.client = client;
        this.payloads = payloads;
        this.mapper = mapper;
        this.batchSize = batchSize;
        this.maxBody = (int) Math.min(Integer.MAX_VALUE, maxBody.asLongValue());
    }

    @Override
    public String destination() {
        return DESTINATION;
    }

    @Override
    public int batchLimit() {
        return batchSize;
    }

    /**
     * One call at a time: each case case-service opens adds to the statistics rows of its township and
     * day, which every batch of a surge writes, so concurrent calls queue on those rows until the
     * first commits. Split eight ways, calls took 1.8 s on average and six of them timed out.
     */
    @Override
    public boolean concurrentCalls() {
        return false;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        deliverOne(payloads.build(applicationId(message), message.id()));
    }

    @Override
    public List<Exception> deliverAll(List<OutboxMessage> messages) {
        // all payloads in one read; an event whose application is missing fails alone, as it would singly
        List<UUID> applicationIds = new ArrayList<>(messages.size());
        List<UUID> eventIds = new ArrayList<>(messages.size());
        for (OutboxMessage m : messages) {
            UUID applicationId = readApplicationId(m);
            if (applicationId != null) {
                applicationIds.add(applicationId);
                eventIds.add(m.id());
            }
        }
        Map<UUID, CaseApplicationPayload> byEvent = new HashMap<>();
        if (!applicationIds.isEmpty()) {
            for (CaseApplicationPayload p : payloads.buildAll(applicationIds, eventIds)) {
                if (p != null) {
                    byEvent.put(p.eventId(), p);
                }
            }
        }
        return BatchCalls.send(this, messages, m -> {
            CaseApplicationPayload p = byEvent.get(m.id());
            if (p == null) {
                throw new IllegalStateException("application of outbox event " + m.id() + " not found or unreadable");
            }
            return mapper.writeValueAsString(p);
        }, maxBody, client::receiveAll, mapper);
    }

    private void deliverOne(CaseApplicationPayload payload) {
        int status;
        try (Response r = client.receive(payload)) {
            status = r.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        }
        OutboxDelivery.checkStatus(status, DESTINATION);
    }

    private UUID applicationId(OutboxMessage message) throws Exception {
        return UUID.fromString(mapper.readTree(message.payload()).get("applicationId").asText());
    }

    /** The event's application id, or null when its payload cannot be read (then it fails alone). */
    private UUID readApplicationId(OutboxMessage message) {
        try {
            return applicationId(message);
        } catch (Exception e) {
            return null;
        }
    }
}
