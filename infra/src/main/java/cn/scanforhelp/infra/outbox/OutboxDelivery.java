package cn.scanforhelp.infra.outbox;

/**
 * Sends outbox events of one destination to the service that receives them. A service provides one
 * CDI bean per destination. Returning normally means the receiver accepted the event (2xx); any
 * exception means "try again later", except {@link PermanentDeliveryFailure}, which parks the event
 * for an operator (it is never dropped).
 */
public interface OutboxDelivery {

    String destination();

    void deliver(OutboxMessage message) throws Exception;

    /** A refusal that no retry can fix, e.g. the receiver answered 400 or 422. */
    class PermanentDeliveryFailure extends RuntimeException {
        public PermanentDeliveryFailure(String message) {
            super(message);
        }
    }

    /**
     * HTTP status → what to do. 401/403/404 are retried: they mean a token, routing or deployment
     * problem (a receiver not yet upgraded, a proxy without the route) that an operator will fix, and
     * the event must survive until then. 408/425/429 and 5xx are transient. The remaining 4xx are the
     * receiver saying the event itself is wrong.
     */
    static void checkStatus(int status, String destination) {
        if (status >= 200 && status < 300) {
            return;
        }
        boolean retry = status >= 500 || status == 401 || status == 403 || status == 404 || status == 408 || status == 425
                || status == 429;
        if (retry) {
            throw new IllegalStateException(destination + " answered " + status);
        }
        throw new PermanentDeliveryFailure(destination + " refused the event with " + status);
    }
}
