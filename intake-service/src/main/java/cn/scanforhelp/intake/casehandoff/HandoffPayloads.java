package cn.scanforhelp.intake.casehandoff;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.intake.application.Application;
import cn.scanforhelp.intake.application.ApplicationQueries;
import cn.scanforhelp.intake.division.Division;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.UUID;

/** Builds the payload for case-service from the stored application, decrypting at delivery time. */
@ApplicationScoped
public class HandoffPayloads {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final FieldCipher cipher;

    public HandoffPayloads(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Transactional
    public CaseApplicationPayload build(UUID applicationId, UUID eventId) {
        Application a = Application.findById(applicationId);
        if (a == null) {
            throw new IllegalStateException("application of outbox event " + eventId + " not found");
        }
        Division township = Division.findById(a.divisionCode);
        Division village = a.villageCode == null ? null : Division.findById(a.villageCode);
        CaseApplicationPayload.Alert alert = a.alertSource == null ? null
                : new CaseApplicationPayload.Alert(a.alertSource, a.alertReason, a.alertDate);
        return new CaseApplicationPayload(eventId, a.id, a.trackingNumber, a.channel.name(), a.divisionCode,
                township.name, a.villageCode, village == null ? null : village.name,
                ApplicationQueries.hotlines(township),
                new CaseApplicationPayload.Applicant(cipher.decrypt(a.applicantName), cipher.decrypt(a.idNumber),
                        cipher.decrypt(a.phone)),
                a.difficulty.name(), a.description, a.householdSize, a.urgent, a.caseType, alert, a.posterCode,
                a.consentVersion, a.submittedAt.atZoneSameInstant(CHINA).toOffsetDateTime());
    }
}
