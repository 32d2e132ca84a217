package cn.scanforhelp.intake.casehandoff;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.intake.application.Application;
import cn.scanforhelp.intake.application.ApplicationQueries;
import cn.scanforhelp.intake.application.Channel;
import cn.scanforhelp.intake.division.Division;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/** Builds the payload for case-service from the stored application, decrypting at delivery time. */
@ApplicationScoped
public class HandoffPayloads {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final FieldCipher cipher;
    private final EntityManager em;

    public HandoffPayloads(FieldCipher cipher, EntityManager em) {
        this.cipher = cipher;
        this.em = em;
    }

    @Transactional
    public CaseApplicationPayload build(UUID applicationId, UUID eventId) {
        CaseApplicationPayload p = buildAll(List.of(applicationId), List.of(eventId)).get(0);
        if (p == null) {
            throw new IllegalStateException("application of outbox event " + eventId + " not found");
        }
        return p;
    }

    /**
     * The payloads of several applications, read with one query (divisions come from the second-level
     * cache). In the order given; null where the application is not stored.
     */
    @Transactional
    public List<CaseApplicationPayload> buildAll(List<UUID> applicationIds, List<UUID> eventIds) {
        Session session = em.unwrap(Session.class);
        boolean readOnly = session.isDefaultReadOnly();
        session.setDefaultReadOnly(true); // only read: no snapshots to keep, nothing to flush
        try {
            Map<UUID, Application> stored = new HashMap<>();
            Application.<Application>list("id in ?1", applicationIds.stream().distinct().toList())
                    .forEach(a -> stored.put(a.id, a));
            List<CaseApplicationPayload> payloads = new ArrayList<>(applicationIds.size());
            for (int i = 0; i < applicationIds.size(); i++) {
                Application a = stored.get(applicationIds.get(i));
                payloads.add(a == null ? null : payload(a, eventIds.get(i)));
            }
            return payloads;
        } finally {
            session.setDefaultReadOnly(readOnly);
        }
    }

    private CaseApplicationPayload payload(Application a, UUID eventId) {
        Division township = Division.findById(a.divisionCode);
        Division village = a.villageCode == null ? null : Division.findById(a.villageCode);
        CaseApplicationPayload.Alert alert = a.alertSource == null ? null
                : new CaseApplicationPayload.Alert(a.alertSource, a.alertReason, a.alertDate);
        return new CaseApplicationPayload(eventId, a.id, a.trackingNumber, a.channel.name(), a.divisionCode,
                township.name, a.villageCode, village == null ? null : village.name,
                ApplicationQueries.hotlines(township),
                new CaseApplicationPayload.Applicant(cipher.decrypt(a.applicantName, a.at(Application.NAME)),
                        cipher.decrypt(a.idNumber, a.at(Application.ID_NUMBER)), cipher.decrypt(a.phone, a.at(Application.PHONE))),
                a.difficulty.name(), cipher.open(a.descriptionEnc, a.description, a.at(Application.DESCRIPTION)), a.householdSize, a.urgent, a.caseType, alert, a.posterCode,
                a.consentVersion, a.submittedAt.atZoneSameInstant(CHINA).toOffsetDateTime(), counter(a));
    }

    private static CaseApplicationPayload.Counter counter(Application a) {
        if (a.channel != Channel.WINDOW) {
            return null;
        }
        List<String> materials = a.counterMaterials == null || a.counterMaterials.isEmpty() ? List.of()
                : List.of(a.counterMaterials.split("\n"));
        return new CaseApplicationPayload.Counter(a.consentRecordedBy, Boolean.TRUE.equals(a.counterInPerson),
                Boolean.TRUE.equals(a.counterIdSeen), materials);
    }
}
