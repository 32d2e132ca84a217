package cn.scanforhelp.notification.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A message from a resident, stored against their latest case. The text is encrypted. */
@Entity
@Table(name = "sms_reply")
public class SmsReply extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "phone_hash", nullable = false)
    public String phoneHash;
    @Column(name = "case_id")
    public String caseId;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "division_code")
    public String divisionCode;
    @Column(name = "text_enc", nullable = false)
    public String textEnc;
    public Integer rating;
    public boolean forwarded;
    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
