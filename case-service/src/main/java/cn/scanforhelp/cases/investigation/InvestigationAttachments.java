package cn.scanforhelp.cases.investigation;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.CaseQueries;
import cn.scanforhelp.cases.casefile.CaseStep;
import cn.scanforhelp.cases.investigation.InvestigationViews.Attachment;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.StaffScope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Photos and scanned signed forms of a case's investigation: checked by size ({@code sfh.attachments.max-size}),
 * by their first bytes (JPEG, PNG, PDF, matching the declared type) and by the {@link AttachmentScanner}, then
 * kept by the {@link AttachmentStore}. Every upload and every read is audited.
 */
@ApplicationScoped
public class InvestigationAttachments {

    /** Declared type that leaves the type to the content. */
    static final String OCTET_STREAM = "application/octet-stream";

    private final CaseQueries queries;
    private final AttachmentStore store;
    private final AttachmentScanner scanner;
    private final AuditLog audit;
    private final StaffScope scope;
    private final java.time.Clock clock;
    private final MemorySize maxSize;

    public InvestigationAttachments(CaseQueries queries, AttachmentStore store, AttachmentScanner scanner, AuditLog audit,
            StaffScope scope, java.time.Clock clock,
            @ConfigProperty(name = "sfh.attachments.max-size", defaultValue = "5M") MemorySize maxSize) {
        this.queries = queries;
        this.store = store;
        this.scanner = scanner;
        this.audit = audit;
        this.scope = scope;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /** Reads at most the limit (one byte more tells it was over), before any transaction or lock. */
    public byte[] read(InputStream body) {
        long max = maxSize.asLongValue();
        try {
            byte[] content = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (content.length > max) {
                throw new ProblemException(413, "attachment-too-large", readable(max));
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks scope and state, then the content (outside any transaction: the scan may take time), then stores it.
     * A refusal by the scan is audited in a transaction of its own (the refusal itself rolls nothing back).
     */
    public Attachment upload(UUID caseId, String declaredType, String fileName, byte[] content) {
        investigating(caseId);
        if (content.length == 0) {
            throw new ProblemException(400, "attachment-empty");
        }
        AttachmentTypes type = AttachmentTypes.sniff(content)
                .orElseThrow(() -> new ProblemException(415, "attachment-type-not-accepted"));
        String declared = declaredType == null ? OCTET_STREAM
                : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!declared.equals(OCTET_STREAM) && !declared.equals(type.mediaType)) {
            throw new ProblemException(415, "attachment-type-mismatch", declared, type.mediaType);
        }
        AttachmentScanner.Verdict verdict = scanner.scan(type.mediaType, content);
        if (!verdict.clean()) {
            refusedByScan(caseId, type, content.length, verdict);
            throw new ProblemException(422, "attachment-rejected-by-scan");
        }
        return store(caseId, type, fileName, content);
    }

    @Transactional
    CaseFile investigating(UUID caseId) {
        CaseFile c = queries.inScope(caseId);
        InvestigationService.requireInvestigation(c);
        return c;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void refusedByScan(UUID caseId, AttachmentTypes type, int size, AttachmentScanner.Verdict verdict) {
        CaseFile c = queries.inScope(caseId);
        Log.warnf("attachment refused by the scan: case %s, %s, %d bytes: %s", c.id, type.mediaType, size,
                verdict.reason());
        audit.record(scope, "ATTACHMENT_REFUSED", c.id, c.divisionCode, type.mediaType + " " + verdict.reason());
    }

    @Transactional
    Attachment store(UUID caseId, AttachmentTypes type, String fileName, byte[] content) {
        CaseFile c = CaseFile.findById(caseId, LockModeType.PESSIMISTIC_READ); // not while the case changes state
        if (c == null || !scope.covers(c.divisionCode)) {
            throw ProblemException.notFound("案件");
        }
        InvestigationService.requireInvestigation(c);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        UUID id = store.store(c.id, type.mediaType, name, content, scope.user(), now);
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.action = "ADD_INVESTIGATION_ATTACHMENT";
        s.fromStatus = c.status.name();
        s.toStatus = c.status.name();
        s.actor = scope.user();
        s.at = now;
        s.details = type.mediaType + ", " + content.length + " bytes";
        s.persist();
        audit.record(scope, "ADD_ATTACHMENT", c.id, c.divisionCode, id + " " + s.details);
        return new Attachment(id, type.mediaType, content.length, name, scope.user(), now);
    }

    @Transactional
    public AttachmentStore.Stored download(UUID caseId, UUID attachmentId) {
        CaseFile c = queries.inScope(caseId);
        AttachmentStore.Stored a = store.read(c.id, attachmentId)
                .orElseThrow(() -> ProblemException.notFound("附件"));
        audit.record(scope, "READ_ATTACHMENT", c.id, c.divisionCode, attachmentId.toString());
        return a;
    }

    static String readable(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " B";
    }
}
