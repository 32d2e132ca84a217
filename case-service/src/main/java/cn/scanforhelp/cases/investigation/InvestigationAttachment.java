package cn.scanforhelp.cases.investigation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An attachment of a case's investigation as {@link PostgresAttachmentStore} keeps it: file name and content encrypted. */
@Entity
@Table(name = "investigation_attachment")
public class InvestigationAttachment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public int sizeBytes;
    @Column(name = "file_name_enc")
    public String fileNameEnc;
    @Column(name = "content_enc")
    public String contentEnc;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
}
