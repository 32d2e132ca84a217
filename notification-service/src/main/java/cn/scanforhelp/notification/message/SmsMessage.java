package cn.scanforhelp.notification.message;

import cn.scanforhelp.infra.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One SMS for one case event. The phone is encrypted at rest; its keyed hash finds replies. */
@Entity
@Table(name = "sms_message")
public class SmsMessage extends PanacheEntityBase {

    /** The phone is bound to its message: copied to another row it does not decrypt (no redirected SMS). */
    public static FieldCipher.Binding phoneOf(UUID id) {
        return new FieldCipher.Binding("sms_message", "phone_enc", id);
    }

    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(name = "case_id", nullable = false)
    public String caseId;
    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;
    @Column(name = "division_code", nullable = false)
    public String divisionCode;
    @Column(name = "phone_enc")
    public String phoneEnc;
    @Column(name = "phone_hash", nullable = false)
    public String phoneHash;
    @Column(nullable = false)
    public String body;
    public int parts;
    public boolean urgent;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SmsStatus status;
    public int attempts;
    @Column(name = "parts_sent")
    public int partsSent;
    @Column(name = "in_doubt")
    public int inDoubt;
    @Column(name = "udh_reference")
    public int udhReference;
    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;
    @Column(name = "give_up_at", nullable = false)
    public OffsetDateTime giveUpAt;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    @Column(name = "receipt_at")
    public OffsetDateTime receiptAt;
    @Column(name = "receipt_state")
    public String receiptState;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    /** a CLOSED message that asked for a 1–5 rating: only a reply to such a message is forwarded (V7) */
    @Column(name = "asks_rating")
    public boolean asksRating;
    /** a resend (V10): the failed message this one sends again; a message is resent at most once */
    @Column(name = "resent_from")
    public UUID resentFrom;
    /** a failed message an officer dealt with otherwise (e.g. called the resident), V10 */
    @Column(name = "handled_at")
    public OffsetDateTime handledAt;
    @Column(name = "handled_by")
    public String handledBy;
    @Column(name = "handled_note")
    public String handledNote;

    public static List<SmsMessage> byTrackingNumber(String trackingNumber) {
        return list("trackingNumber = ?1 order by createdAt", trackingNumber);
    }
}
