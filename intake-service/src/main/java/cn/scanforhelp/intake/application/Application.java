package cn.scanforhelp.intake.application;

import cn.scanforhelp.infra.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * One request for help, from any channel. Name, ID number and phone hold FieldCipher ciphertext;
 * the hashes beside them serve look-ups. Status fields mirror what case-service last reported.
 */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    /** The encrypted columns: each value is bound to its column and row ({@link #at}). */
    public static final String NAME = "applicant_name";
    public static final String ID_NUMBER = "id_number";
    public static final String PHONE = "phone";
    public static final String DESCRIPTION = "description_enc";

    /** Where a value of this application is stored: copied to another row or column it does not decrypt. */
    public static FieldCipher.Binding at(String column, UUID id) {
        return new FieldCipher.Binding("application", column, id);
    }

    public FieldCipher.Binding at(String column) {
        return at(column, id);
    }

    @Id
    public UUID id;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "division_code")
    public String divisionCode;
    @Column(name = "village_code")
    public String villageCode;
    @Column(name = "applicant_name")
    public String applicantName;
    @Column(name = "id_number")
    public String idNumber;
    @Column(name = "id_number_hash")
    public String idNumberHash;
    public String phone;
    @Column(name = "phone_hash")
    public String phoneHash;
    @Column(name = "cipher_key_id")
    public String cipherKeyId;
    @Enumerated(EnumType.STRING)
    public Difficulty difficulty;
    /** In clear before V52; emptied by the re-encryption job, which moves it to {@link #descriptionEnc}. */
    public String description;
    @Column(name = "description_enc")
    public String descriptionEnc;
    @Column(name = "household_size")
    public Integer householdSize;
    public boolean urgent;
    @Column(name = "poster_code")
    public String posterCode;
    @Column(name = "consent_version")
    public String consentVersion;
    @Column(name = "consent_recorded_by")
    public String consentRecordedBy;
    /** The separate consent to sensitive information (health, disability, income); null: not asked. */
    @Column(name = "sensitive_consent")
    public Boolean sensitiveConsent;
    /** WINDOW only: the applicant came to the counter in person (V62); null for other channels. */
    @Column(name = "counter_in_person")
    public Boolean counterInPerson;
    /** WINDOW only: the clerk saw the applicant's ID card. */
    @Column(name = "counter_id_seen")
    public Boolean counterIdSeen;
    /** WINDOW only: the materials received at the counter, one document name a line. */
    @Column(name = "counter_materials")
    public String counterMaterials;
    @Column(name = "case_type")
    public String caseType;
    @Column(name = "alert_source")
    public String alertSource;
    @Column(name = "alert_reason")
    public String alertReason;
    @Column(name = "alert_date")
    public LocalDate alertDate;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    public String status;
    @Column(name = "status_sequence")
    public long statusSequence;
    @Column(name = "status_updated_at")
    public OffsetDateTime statusUpdatedAt;
    @Column(name = "next_deadline")
    public LocalDate nextDeadline;
    @Column(name = "case_id")
    public String caseId;

    public static Optional<Application> byTrackingNumber(String trackingNumber) {
        return find("trackingNumber", trackingNumber).firstResultOptional();
    }
}
