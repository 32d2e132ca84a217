package cn.scanforhelp.notification.sending;

import java.util.List;
import java.util.UUID;

/** A way out for SMS: {@code log} or {@code smpp} (sms.provider). */
public interface SmsProvider {

    String name();

    /**
     * Submits the parts {@code fromPart}.. of one message. Blocks until the gateway answered each.
     * The result lists the gateway's ids of the parts it accepted in this call, in order, even when a
     * later part failed, so a retry resumes after them and never repeats an accepted part.
     */
    Result submit(Outgoing message, int fromPart);

    record Outgoing(UUID id, String phone, String text, int udhReference) {
    }

    enum Outcome {
        /** Every remaining part accepted. */
        ACCEPTED,
        /** Not accepted, and certainly not sent: throttled, system error, link down. Retry later. */
        TRANSIENT,
        /** Refused for good (invalid number …). Never retried. */
        PERMANENT,
        /** submit_sm went out but no answer came: the SMSC may or may not have it. */
        UNKNOWN
    }

    record Result(Outcome outcome, List<String> acceptedIds, String error) {
        public static Result accepted(List<String> ids) {
            return new Result(Outcome.ACCEPTED, ids, null);
        }
    }
}
