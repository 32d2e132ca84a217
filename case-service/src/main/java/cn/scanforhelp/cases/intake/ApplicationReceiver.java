package cn.scanforhelp.cases.intake;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.cases.casefile.CaseApplication;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.CaseStep;
import cn.scanforhelp.cases.casefile.Deadlines;
import cn.scanforhelp.cases.events.ResidentNotices;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.cases.procedure.Clock;
import cn.scanforhelp.cases.procedure.ResidentEvent;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Opens a case for each application intake delivers, or links it to the person's open case. Idempotent
 * by application id: a repeat finds the recorded application and answers as the first time did.
 */
@ApplicationScoped
public class ApplicationReceiver {

    private final FieldCipher cipher;
    private final Inbox inbox;
    private final Deadlines deadlines;
    private final ResidentNotices notices;
    private final AuditLog audit;
    private final EntityManager em;

    public ApplicationReceiver(FieldCipher cipher, Inbox inbox, Deadlines deadlines, ResidentNotices notices,
            AuditLog audit, EntityManager em) {
        this.cipher = cipher;
        this.inbox = inbox;
        this.deadlines = deadlines;
        this.notices = notices;
        this.audit = audit;
        this.em = em;
    }

    @Transactional
    public Received receive(ApplicationIn in) {
        // Serialize deliveries of the same application (a repeat racing the first) on a row-less lock.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, in.applicationId().toString())
                .getSingleResult();
        CaseApplication known = CaseApplication.findById(in.applicationId());
        if (known != null) {
            return answer(known);
        }
        inbox.firstDelivery(in.eventId(), "intake-service");
        String idHash = cipher.hash(in.applicant().idNumber());
        CaseFile open = idHash == null ? null
                : CaseFile.<CaseFile>find("idNumberHash = ?1 and closedAt is null order by receivedAt", idHash)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        CaseApplication app = new CaseApplication();
        app.applicationId = in.applicationId();
        app.trackingNumber = in.trackingNumber();
        app.channel = in.channel();
        app.description = in.description();
        app.receivedAt = in.submittedAt();
        if (open != null) {
            app.caseId = open.id;
            app.duplicate = true;
            app.persist();
            step(open, "LINK_DUPLICATE", "application " + in.trackingNumber() + " linked as a duplicate");
            open.updatedAt = OffsetDateTime.now();
            notices.tell(open, ResidentEvent.RECEIVED, ResidentNotices.Extras.NONE);
            notices.status(open);
            audit.record("intake-service", "service", "LINK_DUPLICATE", open.id, open.divisionCode, in.trackingNumber());
            return answer(app);
        }
        CaseFile c = open(in, idHash);
        app.caseId = c.id;
        app.duplicate = false;
        app.persist();
        notices.tell(c, ResidentEvent.RECEIVED, ResidentNotices.Extras.NONE);
        notices.status(c);
        audit.record("intake-service", "service", "RECEIVE", c.id, c.divisionCode, in.trackingNumber());
        return answer(app);
    }

    private CaseFile open(ApplicationIn in, String idHash) {
        CaseFile c = new CaseFile();
        c.id = UUID.randomUUID();
        c.trackingNumber = in.trackingNumber();
        c.channel = in.channel();
        c.divisionCode = in.divisionCode();
        c.townshipName = in.townshipName();
        c.villageCode = in.villageCode();
        c.villageName = in.villageName();
        c.hotline = in.hotlines() == null || in.hotlines().isEmpty() ? null : in.hotlines().get(0);
        c.type = in.caseType() != null ? in.caseType()
                : "MONITORING".equals(in.channel()) ? CaseType.VERIFICATION : CaseType.UNCLASSIFIED;
        c.status = CaseStatus.RECEIVED;
        c.urgent = in.urgent();
        c.difficulty = in.difficulty();
        c.description = in.description();
        c.householdSize = in.householdSize();
        c.applicantName = in.applicant().name();
        c.idNumberEnc = cipher.encrypt(in.applicant().idNumber());
        c.idNumberHash = idHash;
        c.phoneEnc = cipher.encrypt(in.applicant().phone());
        if (in.alert() != null) {
            c.alertSource = in.alert().source();
            c.alertReason = in.alert().reason();
            c.alertDate = in.alert().date();
        }
        c.consentVersion = in.consentVersion();
        c.receivedAt = in.submittedAt();
        c.updatedAt = OffsetDateTime.now();
        c.persist();
        var today = Calendars.today();
        deadlines.apply(c, Clock.start(Clock.Kind.ACCEPTANCE), today);
        if (c.urgent) {
            deadlines.apply(c, Clock.start(Clock.Kind.EMERGENCY_AID), today);
        }
        step(c, "RECEIVE", null);
        return c;
    }

    private void step(CaseFile c, String action, String details) {
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.action = action;
        s.fromStatus = null;
        s.toStatus = c.status.name();
        s.actor = "intake-service";
        s.at = OffsetDateTime.now();
        s.details = details;
        s.persist();
    }

    private static Received answer(CaseApplication a) {
        return new Received(a.caseId, a.duplicate ? a.caseId : null);
    }
}
