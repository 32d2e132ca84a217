package cn.scanforhelp.intake.application;

import java.util.UUID;

/**
 * The answer to a submission. {@code replayed} is true when an earlier request with the same
 * Idempotency-Key already created the application (nothing new was created).
 */
public record SubmissionResult(UUID applicationId, String trackingNumber, boolean replayed) {
}
