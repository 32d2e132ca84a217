package cn.scanforhelp.intake.casehandoff;

import cn.scanforhelp.infra.outbox.BatchAnswer;
import cn.scanforhelp.infra.outbox.OutboxDelivery;
import cn.scanforhelp.infra.outbox.OutboxMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

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
    private static final Logger LOG = Logger.getLogger(CaseServiceDelivery.class);

    private final CaseServiceClient client;
    private final HandoffPayloads payloads;
    private final ObjectMapper mapper;
    private final int batchSize;
    private final long maxBody;

    public CaseServiceDelivery(@RestClient CaseServiceClient client, HandoffPayloads payloads, ObjectMapper mapper,
            @ConfigProperty(name = "sfh.handoff.batch-size", defaultValue = "100") int batchSize,
            @ConfigProperty(name = "sfh.handoff.batch-max-body", defaultValue = "60K") MemorySize maxBody) {
        this.client = client;
        this.payloads = payloads;
        this.mapper = mapper;
        this.batchSize = batchSize;
        this.maxBody = maxBody.asLongValue();
    }

    @Override
    public String destination() {
        return DESTINATION;
    }

    @Override
    public int batchLimit() {
        return batchSize;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        deliverOne(payloads.build(applicationId(message), message.id()));
    }

    @Override
    public List<Exception> deliverAll(List<OutboxMessage> messages) throws Exception {
        Exception[] outcomes = new Exception[messages.size()];
        List<Integer> readable = new ArrayList<>(messages.size());
        List<UUID> applicationIds = new ArrayList<>(messages.size());
        List<UUID> eventIds = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            try {
                applicationIds.add(applicationId(messages.get(i)));
                eventIds.add(messages.get(i).id());
                readable.add(i);
            } catch (Exception e) {
                outcomes[i] = e;
            }
        }
        if (readable.isEmpty()) {
            return Arrays.asList(outcomes);
        }
        List<CaseApplicationPayload> built = payloads.buildAll(applicationIds, eventIds);
        Call call = new Call();
        for (int k = 0; k < built.size(); k++) {
            int i = readable.get(k);
            CaseApplicationPayload p = built.get(k);
            if (p == null) {
                // retried like a single delivery; the others go on
                outcomes[i] = new IllegalStateException("application of outbox event " + eventIds.get(k) + " not found");
                continue;
            }
            byte[] json = mapper.writeValueAsBytes(p);
            if (!call.isEmpty() && (call.size() >= batchSize || call.bytes() + json.length + 1 > maxBody)) {
                send(call, outcomes);
                call = new Call();
            }
            call.add(i, p, json);
        }
        if (!call.isEmpty()) {
            send(call, outcomes);
        }
        return Arrays.asList(outcomes);
    }

    /** One batch call; each application's outcome goes to its place in {@code outcomes}. */
    private void send(Call call, Exception[] outcomes) {
        int status;
        BatchAnswer answer = null;
        try (Response r = client.receiveAll(call.body())) {
            status = r.getStatus();
            if (status >= 200 && status < 300) {
                answer = r.readEntity(BatchAnswer.class);
            }
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        } catch (RuntimeException e) {
            call.fail(outcomes, e); // no answer (connection refused or reset, timeout): all retried
            return;
        }
        if (answer != null) {
            if (answer.results() == null || answer.results().size() != call.size()) {
                call.fail(outcomes, new IllegalStateException(DESTINATION + " answered "
                        + (answer.results() == null ? 0 : answer.results().size()) + " results for " + call.size()));
                return;
            }
            for (int j = 0; j < call.size(); j++) {
                outcomes[call.indexes.get(j)] = OutboxDelivery.failure(answer.results().get(j).status(), DESTINATION);
            }
            return;
        }
        RuntimeException failure = OutboxDelivery.failure(status, DESTINATION);
        if (failure instanceof PermanentDeliveryFailure) {
            // The call itself was refused (too large, unreadable): not a verdict on any one application.
            // One at a time, a bad one is parked and the others go through.
            LOG.warnf("%s refused a batch of %d with %d; delivering them one at a time", DESTINATION, call.size(),
                    status);
            for (int j = 0; j < call.size(); j++) {
                try {
                    deliverOne(call.payloads.get(j));
                } catch (Exception e) {
                    outcomes[call.indexes.get(j)] = e;
                }
            }
            return;
        }
        // 5xx, 401/403/404 (e.g. a case-service without the batch call yet): all retried
        call.fail(outcomes, failure);
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

    /** The applications of one batch call: their places among the messages, payloads and JSON. */
    private static final class Call {
        final List<Integer> indexes = new ArrayList<>();
        final List<CaseApplicationPayload> payloads = new ArrayList<>();
        final ByteArrayOutputStream json = new ByteArrayOutputStream();

        void add(int index, CaseApplicationPayload payload, byte[] item) {
            json.write(indexes.isEmpty() ? '[' : ',');
            json.writeBytes(item);
            indexes.add(index);
            payloads.add(payload);
        }

        boolean isEmpty() {
            return indexes.isEmpty();
        }

        int size() {
            return indexes.size();
        }

        /** The body so far with its closing bracket. */
        long bytes() {
            return json.size() + 1L;
        }

        byte[] body() {
            json.write(']');
            return json.toByteArray();
        }

        void fail(Exception[] outcomes, Exception e) {
            indexes.forEach(i -> outcomes[i] = e);
        }
    }
}
