package cn.scanforhelp.infra.outbox;

import cn.scanforhelp.infra.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
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

    private final Validator validator;

    public BatchReceiver(Validator validator) {
        this.validator = validator;
    }

    public <T> BatchAnswer receive(List<T> events, Function<T, Object> effect) {
        BatchAnswer.Result[] results = new BatchAnswer.Result[events.size()];
        List<Integer> valid = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            T event = events.get(i);
            if (event == null || !validator.validate(event).isEmpty()) {
                results[i] = new BatchAnswer.Result(400, PROBLEM + "validation-failed", null);
            } else {
                valid.add(i);
            }
        }
        try {
            Object[] bodies = QuarkusTransaction.requiringNew().call(() -> {
                Object[] out = new Object[valid.size()];
                for (int k = 0; k < valid.size(); k++) {
                    out[k] = effect.apply(events.get(valid.get(k)));
                }
                return out;
            });
            for (int k = 0; k < valid.size(); k++) {
                results[valid.get(k)] = BatchAnswer.Result.accepted(bodies[k]);
            }
        } catch (RuntimeException together) {
            LOG.debugf("batch of %d failed together (%s); receiving each on its own", valid.size(),
                    together.getClass().getSimpleName());
            for (int i : valid) {
                results[i] = alone(events.get(i), effect);
            }
        }
        return new BatchAnswer(List.of(results));
    }

    private static <T> BatchAnswer.Result alone(T event, Function<T, Object> effect) {
        try {
            return BatchAnswer.Result.accepted(QuarkusTransaction.requiringNew().call(() -> effect.apply(event)));
        } catch (ProblemException e) {
            return new BatchAnswer.Result(e.status(), PROBLEM + e.slug(), null);
        } catch (WebApplicationException e) {
            return new BatchAnswer.Result(e.getResponse().getStatus(), null, null);
        } catch (RuntimeException e) {
            // the message may quote the event's data; the class is enough to find it in the code
            LOG.errorf("event of a batch failed: %s", e.getClass().getName());
            return new BatchAnswer.Result(500, null, null);
        }
    }
}
