package cn.scanforhelp.cases.sampling;

import cn.scanforhelp.infra.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case drawn by a sampling, its decision as drawn, and the check's outcome once recorded. */
@Entity
@Table(name = "sampled_case")
public class SampledCase extends PanacheEntityBase {
    public static final String NOTE = "note_enc";

    @Id
    public UUID id;
    @Column(name = "sampling_id")
    public UUID samplingId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "case_type")
    public String caseType;
    /** APPROVED or REJECTED, as the case stood when drawn */
    public String decision;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    /** CONFIRMED or PROBLEM_FOUND; null until checked */
    public String outcome;
    /** the checker's note, encrypted and bound to this row */
    @Column(name = "note_enc")
    public String noteEnc;
    @Column(name = "checked_by")
    public String checkedBy;
    @Column(name = "checked_at")
    public OffsetDateTime checkedAt;
    @Version
    public int version;

    public static FieldCipher.Binding at(String column, UUID id) {
        return new FieldCipher.Binding("sampled_case", column, id);
    }
}
