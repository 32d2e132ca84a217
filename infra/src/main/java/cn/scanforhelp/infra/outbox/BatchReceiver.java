package cn.scanforhelp.infra.outbox;

import cn.scanforhelp.infra.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Receives a batch of events sent by another service's outbox relay. All valid events take effect in
 * one transaction (one commit, one flush, where a surge spends most of its time); when that
 * transaction fails, each event is tried again in its own, so one refused or conflicting event never
 * holds back the others. Every effect must be idempotent by event, as for single deliveries.
 */
@ApplicationScoped
public class BatchReceiver {

    private static final Logger LOG = Logger.getLogger(BatchReceiver.class);
    private static final String PROBLEM = "urn:scan-for-help:problem:";

    /** Events per batch call, at most (the senders' {@code batchLimit}, the answers' schema). */
    public static final int MAX_EVENTS = 100;

    private final Validator validator;
    private final ObjectMapper mapper;

    public BatchReceiver(Validator validator, ObjectMapper mapper) {
        this.validator = validator;
        this.mapper = mapper;
    }

    /**
     * A batch call's body, read item by item: an item of the wrong shape (not an object, an unknown enum
     * value, a bad date) becomes null, which {@link #receive} answers 400 for that item alone instead of
     * the whole call failing. The call itself is refused (400) when empty or over {@link #MAX_EVENTS}.
     */
    public <T> List<T> read(List<JsonNode> items, Class<T> type) {
        if (items == null || items.isEmpty() || items.size() > MAX_EVENTS) {
            throw ProblemException.validation(List.of(ProblemException.FieldError.of("$", "constraint.Size", 1,
                    MAX_EVENTS)));
        }
        List<T> events = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            T event = null;
            if (item != null && item.isObject()) {
                try {
                    event = mapper.treeToValue(item, type);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    // null: refused as invalid; the message may quote the item's content
                }
            }
            events.add(event);
        }
        return events;
    }

    public <T> BatchAnswer receive(List<T> events, Function<T, Object> effect) {
        return receiveAll(events, batch -> {
            List<Object> bodies = new ArrayList<>(batch.size());
            for (T event : batch) {
                bodies.add(effect.apply(event));
            }
            return bodies;
        });
    }

    /**
     * As {@link #receive}, for a receiver that does a batch's work more cheaply all at once (one look-up
     * for all events, one insert per table): {@code effects} gets the valid events in order and answers
     * one body per event; alone, it gets a list of one.
     */
    public <T> BatchAnswer receiveAll(List<T> events, Function<List<T>, List<?>> effects) {
        BatchAnswer.Result[] results = new BatchAnswer.Result[events.size()];
        List<Integer> valid = new ArrayList<>(events.size());
        List<T> validEvents = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            T event = events.get(i);
            if (event == null || !validator.validate(event).isEmpty()) {
                results[i] = new BatchAnswer.Result(400, PROBLEM + "validation-failed", null);
            } else {
                valid.add(i);
                validEvents.add(event);
            }
        }
        if (valid.isEmpty()) {
            return new BatchAnswer(List.of(results));
        }
        try {
            List<?> bodies = QuarkusTransaction.requiringNew().call(() -> effects.apply(validEvents));
            if (bodies.size() != valid.size()) {
                throw new IllegalStateException("effects answered " + bodies.size() + " bodies for " + valid.size());
            }
            for (int k = 0; k < valid.size(); k++) {
                results[valid.get(k)] = BatchAnswer.Result.accepted(bodies.get(k));
            }
        } catch (RuntimeException together) {
            if (valid.size() == 1) {
                results[valid.get(0)] = refusal(together); // already alone: trying again would repeat it
            } else {
                // e.g. a deadlock with another batch, or one event refused: each on its own, so the rest go through
                LOG.infof("batch of %d failed together (%s); receiving each on its own", valid.size(),
                        together.getClass().getSimpleName());
                for (int i : valid) {
                    results[i] = alone(events.get(i), effects);
                }
            }
        }
        return new BatchAnswer(Arrays.asList(results));
    }

    private static <T> BatchAnswer.Result alone(T event, Function<List<T>, List<?>> effects) {
        try {
            return BatchAnswer.Result.accepted(
                    QuarkusTransaction.requiringNew().call(() -> effects.apply(List.of(event)).get(0)));
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    private static BatchAnswer.Result refusal(RuntimeException e) {
        if (e instanceof ProblemException p) {
            return new BatchAnswer.Result(p.status(), PROBLEM + p.slug(), null);
        }
        if (e instanceof WebApplicationException w) {
            return new BatchAnswer.Result(w.getResponse().getStatus(), null, null);
        }
        // the message may quote the event's data; the class is enough to find it in the code
        LOG.errorf("event of a batch failed: %s", e.getClass().getName());
        return new BatchAnswer.Result(500, null, null);
    }
}
