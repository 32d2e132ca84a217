package cn.scanforhelp.cases.investigation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the attachments of an investigation (photos, scanned signed forms) are kept. Callers have already
 * checked scope, type, size and the scan; an implementation keeps the content confidential at rest.
 * {@link PostgresAttachmentStore} keeps them in case-service's database; an object store would be another.
 */
public interface AttachmentStore {

    /** What is known of a stored attachment without its content. */
    record Meta(UUID id, UUID caseId, String mediaType, int sizeBytes, String fileName, String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    /** An attachment with its content. */
    record Stored(Meta meta, byte[] content) {
    }

    /** Keeps the content and answers its id. Runs in the caller's transaction. */
    UUID store(UUID caseId, String mediaType, String fileName, byte[] content, String uploadedBy, OffsetDateTime at);

    /** The case's attachments, oldest first, without their content. */
    List<Meta> list(UUID caseId);

    /** One attachment of the case with its content; empty if it is not this case's. */
    Optional<Stored> read(UUID caseId, UUID attachmentId);
}
