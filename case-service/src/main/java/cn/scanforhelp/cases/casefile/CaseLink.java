package cn.scanforhelp.cases.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Another case of the same person (same ID number) that is not this case: a possible duplicate open in
 * another township, or the person's decided case before (or after) this one. One row per direction.
 */
@Entity
@Table(name = "case_link")
public class CaseLink extends PanacheEntityBase {

    public enum Kind {
        /** the person has a case open in another township too: both townships see the flag */
        POSSIBLE_DUPLICATE,
        /** this case was opened after the other one was decided */
        PREVIOUS_CASE,
        /** the other case was opened after this one was decided */
        LATER_CASE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "other_case_id")
    public UUID otherCaseId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public OffsetDateTime at;

    public static CaseLink of(UUID caseId, UUID otherCaseId, Kind kind, OffsetDateTime at) {
        CaseLink l = new CaseLink();
        l.caseId = caseId;
        l.otherCaseId = otherCaseId;
        l.kind = kind;
        l.at = at;
        return l;
    }
}
