package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.infra.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The township's file on a person's request. ID number and phone are stored encrypted. */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    /** The encrypted columns: each value is bound to its column and row ({@link #at}). */
    public static final String NAME = "applicant_name_enc";
    public static final String ID_NUMBER = "id_number_enc";
    public static final String PHONE = "phone_enc";
    public static final String DESCRIPTION = "description_enc";
    public static final String AMOUNT_REASON = "amount_reason_enc";

    /** Where a value of this case is stored: copied to another row or column it does not decrypt. */
    public static FieldCipher.Binding at(String column, UUID id) {
        return new FieldCipher.Binding("case_file", column, id);
    }

    public FieldCipher.Binding at(String column) {
        return at(column, id);
    }
    @Id
    public UUID id;
    /** The ETag: every change increments it. */
    @Version
    public long version;
    @Column(name = "tracking_number")
    public String trackingNumber;
    public String channel;
    @Column(name = "division_code")
    public String divisionCode;
    @Column(name = "township_name")
    public String townshipName;
    @Column(name = "village_code")
    public String villageCode;
    @Column(name = "village_name")
    public String villageName;
    public String hotline;
    @Enumerated(EnumType.STRING)
    public CaseType type;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    public boolean urgent;
    public String difficulty;
    /** In clear before V8; emptied by the re-encryption job, which moves it to {@link #descriptionEnc}. */
    public String description;
    @Column(name = "description_enc")
    public String descriptionEnc;
    @Column(name = "household_size")
    public Integer householdSize;
    /** In clear before V8; emptied by the re-encryption job, which moves it to {@link #applicantNameEnc}. */
    @Column(name = "applicant_name")
    public String applicantName;
    @Column(name = "applicant_name_enc")
    public String applicantNameEnc;
    /** Keyed hash of the full name, for the queue's name search. */
    @Column(name = "applicant_name_hash")
    public String applicantNameHash;
    @Column(name = "id_number_enc")
    public String idNumberEnc;
    @Column(name = "id_number_hash")
    public String idNumberHash;
    @Column(name = "phone_enc")
    public String phoneEnc;
    @Column(name = "alert_source")
    public String alertSource;
    @Column(name = "alert_reason")
    public String alertReason;
    @Column(name = "alert_date")
    public LocalDate alertDate;
    @Column(name = "consent_version")
    public String consentVersion;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_on_time")
    public Boolean decidedOnTime;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "notice_ends_at")
    public OffsetDateTime noticeEndsAt;
    public boolean extended;
    @Column(name = "emergency_aid_at")
    public OffsetDateTime emergencyAidAt;
    public String department;
    @Column(name = "referral_outcome")
    public String referralOutcome;
    @Column(name = "amount_yuan")
    public BigDecimal amountYuan;
    /** the last reason given (not accepted, rejected, extended, objection) */
    public String reason;
    /** the nearest running deadline, for sorting the queue */
    @Column(name = "next_due_on")
    public LocalDate nextDueOn;
    /** from this day the nearest deadline is at risk (≤ 20 % of its working days left) */
    @Column(name = "next_at_risk_on")
    public LocalDate nextAtRiskOn;
    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;
    /** intake keeps the status update with the highest sequence */
    @Column(name = "status_sequence")
    public int statusSequence;
    /** URBAN or RURAL: which dibao standard applies (set with the household) */
    public String area;
    /** the resident's rating (1–5) replied by SMS after the case closed */
    @Column(name = "satisfaction_rating")
    public Integer satisfactionRating;
    @Column(name = "satisfaction_at")
    public OffsetDateTime satisfactionAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** The 公示 on the public page while the case is under notice (V14); null otherwise. */
    @Column(name = "notice_id")
    public UUID noticeId;
    /** 先行救助: the emergency aid granted, apart from the approved {@link #amountYuan} (V13) */
    @Column(name = "emergency_aid_yuan")
    public BigDecimal emergencyAidYuan;
    /** how {@link #amountYuan} came about: COMPUTED, OVERRIDDEN (with a reason) or ENTERED */
    @Column(name = "amount_basis")
    public String amountBasis;
    /** why the reviewer overrode the computed amount; may speak of income, so encrypted */
    @Column(name = "amount_reason_enc")
    public String amountReasonEnc;
    /** the day by which the resident is asked to bring the missing materials (working days from the request) */
    @Column(name = "materials_due_on")
    public LocalDate materialsDueOn;

    public String etag() {
        return "\"" + version + "\"";
    }
}
