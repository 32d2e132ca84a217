package cn.scanforhelp.cases.notice;

import cn.scanforhelp.infra.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An objection filed on a public notice page (V14); the objector's name and contact and the text encrypted. */
@Entity
@Table(name = "notice_objection")
public class NoticeObjection extends PanacheEntityBase {
    public static final String NAME = "name_enc";
    public static final String CONTACT = "contact_enc";
    public static final String TEXT = "text_enc";

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "notice_id")
    public UUID noticeId;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "name_enc")
    public String nameEnc;
    @Column(name = "contact_enc")
    public String contactEnc;
    @Column(name = "text_enc")
    public String textEnc;
    public String source;
    /** REINVESTIGATION or KEPT (V18); null for objections recorded before. */
    public String outcome;

    /** Where a value of this objection is stored: the binding it is encrypted with. */
    public static FieldCipher.Binding at(String column, UUID id) {
        return new FieldCipher.Binding("notice_objection", column, id);
    }
}
