package cn.scanforhelp.intake.hotline;

import cn.scanforhelp.infra.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The call an operator is typing, kept so a dropped call loses nothing: one per operator, encrypted. */
@Entity
@Table(name = "hotline_draft")
public class HotlineDraft extends PanacheEntityBase {

    public static final String PAYLOAD = "payload_enc";

    @Id
    public String operator;
    /** The row the payload is bound to (a new one for every draft). */
    public UUID id;
    @Column(name = "payload_enc")
    public String payloadEnc;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public FieldCipher.Binding at() {
        return new FieldCipher.Binding("hotline_draft", PAYLOAD, id);
    }
}
