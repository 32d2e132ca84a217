package cn.scanforhelp.intake.hotline;

import cn.scanforhelp.infra.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One call taken by a hotline operator. {@code callerPhone} is FieldCipher ciphertext. */
@Entity
@Table(name = "hotline_call")
public class HotlineCall extends PanacheEntityBase {

    /** The encrypted columns: each value is bound to its column and row ({@link #at}). */
    public static final String CALLER_PHONE = "caller_phone";
    public static final String NOTES = "notes_enc";
    public static final String FOLLOW_UP_RESULT = "follow_up_result_enc";

    /** Where a value of this call is stored: copied to another row or column it does not decrypt. */
    public FieldCipher.Binding at(String column) {
        return new FieldCipher.Binding("hotline_call", column, id);
    }

    /** What the call came to. COMPLAINT and OTHER_DEPARTMENT leave a follow-up someone must close. */
    public enum Outcome {
        APPLICATION, QUESTION, STATUS, COMPLAINT, OTHER_DEPARTMENT;

        public boolean needsFollowUp() {
            return this == COMPLAINT || this == OTHER_DEPARTMENT;
        }

        /** The outcome named in a request; the names before the desk (INQUIRY, REFERRAL) still mean the same. */
        public static Outcome parse(String name) {
            if (name == null) {
                return null;
            }
            return switch (name) {
                case "INQUIRY" -> QUESTION;
                case "REFERRAL" -> OTHER_DEPARTMENT;
                default -> {
                    try {
                        yield valueOf(name);
                    } catch (IllegalArgumentException e) {
                        yield null;
                    }
                }
            };
        }
    }

    @Id
    public UUID id;
    @Column(name = "caller_phone")
    public String callerPhone;
    @Column(name = "caller_phone_hash")
    public String callerPhoneHash;
    @Column(name = "division_code")
    public String divisionCode;
    public String operator;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "duration_seconds")
    public int durationSeconds;
    /** In clear before V52; emptied by the re-encryption job, which moves it to {@link #notesEnc}. */
    public String notes;
    @Column(name = "notes_enc")
    public String notesEnc;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "canned_answer_id")
    public UUID cannedAnswerId;
    @Column(name = "follow_up_open")
    public boolean followUpOpen;
    @Column(name = "follow_up_closed_at")
    public OffsetDateTime followUpClosedAt;
    @Column(name = "follow_up_closed_by")
    public String followUpClosedBy;
    @Column(name = "follow_up_result_enc")
    public String followUpResultEnc;
}
