package cn.scanforhelp.infra.outbox;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a batch receive endpoint answers: one result per event, in the order they came. The call
 * itself answers 200 whenever it could read the batch; each result carries the status the event
 * alone would have had, so the sender retries or parks each event on its own.
 */
@Schema(description = "One result per event of the batch, in the order they were sent")
public record BatchAnswer(@Schema(maxItems = 100) List<Result> results) {

    /**
     * @param status the HTTP status this event alone would have had
     * @param problem for a refusal, the problem type (never personal data)
     * @param body for an accepted event, what the single-event endpoint answers (may be null)
     */
    @Schema(name = "BatchResult")
    public record Result(@Schema(minimum = "100", maximum = "599", examples = "200") int status,
            @Schema(maxLength = 100, nullable = true, pattern = "^urn:scan-for-help:problem:[a-z0-9-]+$",
                    examples = "urn:scan-for-help:problem:validation-failed") String problem,
            Object body) {

        public static Result accepted(Object body) {
            return new Result(200, null, body);
        }
    }
}
