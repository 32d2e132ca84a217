package cn.scanforhelp.cases.investigation;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.FieldCipher.Binding;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Attachments in PostgreSQL ({@code investigation_attachment}): the content as FieldCipher text (AES-256-GCM over
 * its base64, bound to its row, so a copied value does not open elsewhere), the file name likewise. Listing reads
 * no content.
 */
@ApplicationScoped
@DefaultBean
public class PostgresAttachmentStore implements AttachmentStore {

    static final String TABLE = "investigation_attachment";

    private final FieldCipher cipher;
    private final EntityManager em;

    public PostgresAttachmentStore(FieldCipher cipher, EntityManager em) {
        this.cipher = cipher;
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID store(UUID caseId, String mediaType, String fileName, byte[] content, String uploadedBy,
            OffsetDateTime at) {
        InvestigationAttachment a = new InvestigationAttachment();
        a.id = UUID.randomUUID();
        a.caseId = caseId;
        a.mediaType = mediaType;
        a.sizeBytes = content.length;
        a.fileNameEnc = cipher.encrypt(fileName, new Binding(TABLE, "file_name_enc", a.id));
        a.contentEnc = cipher.encrypt(Base64.getEncoder().encodeToString(content),
                new Binding(TABLE, "content_enc", a.id));
        a.uploadedBy = uploadedBy;
        a.uploadedAt = at;
        a.persist();
        return a.id;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Meta> list(UUID caseId) {
        List<Object[]> rows = em.createQuery("select a.id, a.mediaType, a.sizeBytes, a.fileNameEnc, a.uploadedBy,"
                + " a.uploadedAt from InvestigationAttachment a where a.caseId = ?1 order by a.uploadedAt, a.id",
                Object[].class).setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new Meta((UUID) r[0], caseId, (String) r[1], (Integer) r[2],
                cipher.decrypt((String) r[3], new Binding(TABLE, "file_name_enc", r[0])), (String) r[4],
                (OffsetDateTime) r[5])).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> read(UUID caseId, UUID attachmentId) {
        InvestigationAttachment a = InvestigationAttachment.findById(attachmentId);
        if (a == null || !a.caseId.equals(caseId)) {
            return Optional.empty();
        }
        Meta meta = new Meta(a.id, a.caseId, a.mediaType, a.sizeBytes,
                cipher.decrypt(a.fileNameEnc, new Binding(TABLE, "file_name_enc", a.id)), a.uploadedBy, a.uploadedAt);
        byte[] content = Base64.getDecoder().decode(cipher.decrypt(a.contentEnc, new Binding(TABLE, "content_enc", a.id)));
        return Optional.of(new Stored(meta, content));
    }
}
