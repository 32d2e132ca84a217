package cn.scanforhelp.infra.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends outbox events of one destination to the service that receives them. A service provides one
 * CDI bean per destination. Returning normally means the receiver accepted the event (2xx); any
 * exception means "try again later", except {@link PermanentDeliveryFailure}, which parks the event
 * for an operator (it is never dropped).
 *
 * <p>A destination whose receiver takes several events in one call says so with {@link #batchLimit()}
 * and implements {@link #deliverAll}: under a surge one HTTP call, one token check and one receiver
 * transaction then carry many events instead of one each.
 */
public interface OutboxDelivery {

    String destination();

    void deliver(OutboxMessage message) throws Exception;

    /** At most this many events go in one {@link #deliverAll} call; 1 means one {@link #deliver} per event. */
    default int batchLimit() {
        return 1;
    }

    /**
     * Whether a surge's events may go to this destination in several calls at the same time (see
     * {@link OutboxRelay#calls}). False where the receiver's transactions would only queue behind each
     * other on rows they all write, and so answer later, not sooner.
     */
    default boolean concurrentCalls() {
        return true;
    }

    /**
     * Delivers events of different aggregates in one call. The answer has one entry per message, in
     * order: null where the receiver accepted it, the failure otherwise. Throwing fails them all.
     */
    default List<Exception> deliverAll(List<OutboxMessage> messages) throws Exception {
        List<Exception> outcomes = new ArrayList<>(messages.size());
        for (OutboxMessage m : messages) {
            try {
                deliver(m);
                outcomes.add(null);
            } catch (Exception e) {
                outcomes.add(e);
            }
        }
        return outcomes;
    }

    /** A refusal that no retry can fix, e.g. the receiver answered 400 or 422. */
    class PermanentDeliveryFailure extends RuntimeException {
        public PermanentDeliveryFailure(String message) {
            super(message);
        }
    }

    /** Throws what {@link #failure} says for this status, or returns when it was accepted. */
    static void checkStatus(int status, String destination) {
        RuntimeException failure = failure(status, destination);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * HTTP status → what to do: null when accepted. 401/403/404 are retried: they mean a token, routing
     * or deployment problem (a receiver not yet upgraded, a proxy without the route) that an operator
     * will fix, and the event must survive until then. 408/425/429 and 5xx are transient. The remaining
     * 4xx are the receiver saying the event itself is wrong.
     */
    static RuntimeException failure(int status, String destination) {
        if (status >= 200 && status < 300) {
            return null;
        }
        boolean retry = status >= 500 || status == 401 || status == 403 || status == 404 || status == 408 || status == 425
                || status == 429;
        if (retry) {
            return new IllegalStateException(destination + " answered " + status);
        }
        return new PermanentDeliveryFailure(destination + " refused the event with " + status);
    }
}
