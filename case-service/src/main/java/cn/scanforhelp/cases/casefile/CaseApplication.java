package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.infra.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An application received from intake: the one that opened its case, or a duplicate linked to it. */
@Entity
@Table(name = "case_application")
public class CaseApplication extends PanacheEntityBase {

    public static final String DESCRIPTION = "description_enc";

    /** Where the description is stored: copied to another row it does not decrypt. */
    public FieldCipher.Binding descriptionAt() {
        return new FieldCipher.Binding("case_application", DESCRIPTION, applicationId);
    }
    @Id
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "tracking_number")
    public String trackingNumber;
    public String channel;
    public boolean duplicate;
    /** In clear before V8; emptied by the re-encryption job, which moves it to {@link #descriptionEnc}. */
    public String description;
    @jakarta.persistence.Column(name = "description_enc")
    public String descriptionEnc;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    /**
     * For a duplicate: when a reviewer confirmed it is the case's applicant; until then (null) it gets
     * none of the case's status, since the link rests only on an ID number anyone may type in.
     */
    @Column(name = "link_confirmed_at")
    public OffsetDateTime linkConfirmedAt;
    @Column(name = "link_confirmed_by")
    public String linkConfirmedBy;

    /** WINDOW only (V19): the clerk who recorded it at the township's counter. */
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "counter_in_person")
    public Boolean counterInPerson;
    @Column(name = "counter_id_seen")
    public Boolean counterIdSeen;
    /** WINDOW only: the materials received at the counter, one document name a line. */
    @Column(name = "counter_materials")
    public String counterMaterials;

    /** The materials received at the counter; empty for other channels. */
    public java.util.List<String> materialsReceived() {
        return counterMaterials == null || counterMaterials.isEmpty() ? java.util.List.of()
                : java.util.List.of(counterMaterials.split("\n"));
    }

    /** True for the application that opened the case and for a confirmed duplicate: it may see the case's status. */
    public boolean seesCaseStatus() {
        return !duplicate || linkConfirmedAt != null;
    }
}
