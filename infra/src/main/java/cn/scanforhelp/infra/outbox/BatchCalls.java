package cn.scanforhelp.infra.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Sends a chunk of events to a receiver's batch endpoint (a JSON array of the single endpoint's bodies)
 * and reads its answer ({@code {"results":[{"status","problem","body"}…]}}, one per event, in order)
 * into one outcome per event.
 */
public final class BatchCalls {

    private static final Logger LOG = Logger.getLogger(BatchCalls.class);

    private BatchCalls() {
    }

    /**
     * One outcome per message (null = accepted). Normally one call; more only where the items would
     * exceed {@code maxBytes}, the receivers' body limit (a call above it would be refused whole).
     * A call that fails (no connection, 5xx, 401/403/404: a receiver not reachable or not yet upgraded)
     * fails each of its events for a retry; one the receiver refuses whole (e.g. 400, 413) is sent again
     * event by event through the single call, so that only an event at fault is parked.
     */
    public static List<Exception> send(OutboxDelivery delivery, List<OutboxMessage> messages, Item item,
            int maxBytes, Function<String, Response> call, ObjectMapper mapper) {
        List<Exception> outcomes = new ArrayList<>(Collections.nCopies(messages.size(), null));
        // an event that cannot be written (e.g. its phone does not decrypt) fails alone, as it would singly
        List<Integer> sendable = new ArrayList<>(messages.size());
        List<String> items = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            try {
                items.add(item.write(messages.get(i)));
                sendable.add(i);
            } catch (Exception e) {
                outcomes.set(i, e);
            }
        }
        for (List<Integer> part : split(items, maxBytes)) {
            List<String> body = new ArrayList<>(part.size());
            part.forEach(k -> body.add(items.get(k)));
            List<OutboxMessage> sent = part.stream().map(k -> messages.get(sendable.get(k))).toList();
            List<Exception> answer;
            try (Response r = call.apply(array(body))) {
                RuntimeException whole = OutboxDelivery.failure(r.getStatus(), delivery.destination());
                if (whole instanceof OutboxDelivery.PermanentDeliveryFailure) {
                    // not a verdict on any one event (too large, unreadable as a whole)
                    LOG.warnf("%s refused a batch of %d with %d; delivering them one at a time",
                            delivery.destination(), sent.size(), r.getStatus());
                    answer = oneByOne(delivery, sent);
                } else if (whole != null) {
                    answer = Collections.nCopies(part.size(), whole);
                } else {
                    answer = outcomes(r.readEntity(String.class), part.size(), delivery.destination(), mapper);
                }
            } catch (RuntimeException e) {
                answer = Collections.nCopies(part.size(), e);
            }
            for (int k = 0; k < part.size(); k++) {
                outcomes.set(sendable.get(part.get(k)), answer.get(k));
            }
        }
        return outcomes;
    }

    /** Writes one event as the receiver's batch takes it. */
    @FunctionalInterface
    public interface Item {
        String write(OutboxMessage message) throws Exception;
    }

    /** The JSON array of items, each already a JSON object. */
    public static String array(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    /**
     * Reads a batch answer: null for an accepted event, else what {@link OutboxDelivery#failure} says
     * for its status, naming the receiver's problem type (which never carries personal data).
     */
    public static List<Exception> outcomes(String answer, int count, String destination, ObjectMapper mapper) {
        JsonNode results;
        try {
            results = mapper.readTree(answer).path("results");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(destination + " answered a batch with unreadable JSON");
        }
        if (!results.isArray() || results.size() != count) {
            throw new IllegalStateException(destination + " answered " + results.size() + " results for " + count
                    + " events");
        }
        List<Exception> outcomes = new ArrayList<>(count);
        for (JsonNode result : results) {
            RuntimeException failure = OutboxDelivery.failure(result.path("status").asInt(500), destination);
            if (failure instanceof OutboxDelivery.PermanentDeliveryFailure && result.hasNonNull("problem")) {
                failure = new OutboxDelivery.PermanentDeliveryFailure(failure.getMessage() + " ("
                        + result.get("problem").asText() + ")");
            }
            outcomes.add(failure);
        }
        return outcomes;
    }

    /** Indexes of items in calls of at most maxBytes of JSON each (an item larger than that goes alone). */
    static List<List<Integer>> split(List<String> items, int maxBytes) {
        List<List<Integer>> parts = new ArrayList<>();
        List<Integer> part = new ArrayList<>();
        long size = 2; // the brackets
        for (int i = 0; i < items.size(); i++) {
            int bytes = items.get(i).getBytes(StandardCharsets.UTF_8).length + 1; // and a comma
            if (!part.isEmpty() && size + bytes > maxBytes) {
                parts.add(part);
                part = new ArrayList<>();
                size = 2;
            }
            part.add(i);
            size += bytes;
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    private static List<Exception> oneByOne(OutboxDelivery delivery, List<OutboxMessage> messages) {
        List<Exception> outcomes = new ArrayList<>(messages.size());
        for (OutboxMessage m : messages) {
            try {
                delivery.deliver(m);
                outcomes.add(null);
            } catch (Exception e) {
                outcomes.add(e);
            }
        }
        return outcomes;
    }
}
