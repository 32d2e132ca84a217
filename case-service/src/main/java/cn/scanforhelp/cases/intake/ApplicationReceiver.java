package cn.scanforhelp.cases.intake;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.casefile.CaseApplication;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.CaseLink;
import cn.scanforhelp.cases.casefile.CaseStep;
import cn.scanforhelp.cases.casefile.Deadlines;
import cn.scanforhelp.cases.casefile.NameSearch;
import cn.scanforhelp.cases.events.ResidentNotices;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.cases.procedure.Clock;
import cn.scanforhelp.cases.procedure.ResidentEvent;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.Inbox;
import cn.scanforhelp.infra.outbox.Outbox;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Opens a case for each application intake delivers, or links it to the person's open case. Idempotent
 * by application id: a repeat finds the recorded application and answers as the first time did.
 *
 * <p>A duplicate is linked by ID number alone, which anyone may type in: it tells nobody anything. The
 * case's applicant gets no SMS from someone else's submission, and the duplicate's look-up keeps intake's
 * "received" until a reviewer confirms the link ({@code LinkConfirmation}).
 *
 * <p>A batch costs a few statements in all, not a dozen per application: one to lock the applications,
 * one to find those already received, one for the applicants' open cases, then one insert per table
 * ({@link ReceiptRows}). A new case is written once, complete: its clocks and status sequence are set
 * before the insert, not updated after it.
 */
@ApplicationScoped
public class ApplicationReceiver {

    static final String SOURCE = "intake-service";
    private static final String ROLES = Roles.SUBMIT_APPLICATIONS;

    private final FieldCipher cipher;
    private final Inbox inbox;
    private final Outbox outbox;
    private final Deadlines deadlines;
    private final EntityManager em;
    private final java.time.Clock clock;
    private final List<String> serviceArea;

    public ApplicationReceiver(FieldCipher cipher, Inbox inbox, Outbox outbox, Deadlines deadlines, EntityManager em,
            java.time.Clock clock, @ConfigProperty(name = "sfh.service-area") List<String> serviceArea) {
        this.clock = clock;
        this.serviceArea = List.copyOf(serviceArea);
        this.cipher = cipher;
        this.inbox = inbox;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.em = em;
    }

    /** {@code source}: the delivering client (the token's azp), recorded with each event id in the inbox. */
    @Transactional
    public Received receive(ApplicationIn in, String source) {
        return receiveAll(List.of(in), source).get(0);
    }

    /**
     * Receives the applications in order, in the caller's transaction; one answer each. An application
     * for a division outside this service's area is refused (400) before anything is written: a sender
     * cannot open cases in a district this deployment does not serve.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Received> receiveAll(List<ApplicationIn> batch, String source) {
        for (ApplicationIn in : batch) {
            if (!inServiceArea(in.divisionCode()) || in.villageCode() != null && !inServiceArea(in.villageCode())) {
                throw ProblemException.validation(List.of(ProblemException.FieldError.of(
                        in.villageCode() != null && inServiceArea(in.divisionCode()) ? "villageCode" : "divisionCode",
                        "division.outside-service-area")));
            }
        }
        lock(batch);
        Map<UUID, CaseApplication> known = new HashMap<>();
        CaseApplication.<CaseApplication>list("applicationId in ?1",
                batch.stream().map(ApplicationIn::applicationId).distinct().toList())
                .forEach(a -> known.put(a.applicationId, a));
        Map<ApplicationIn, String> hashes = new IdentityHashMap<>();
        Map<String, String> person = new HashMap<>(); // hash under any hash key → under the active one
        for (ApplicationIn in : batch) {
            if (!known.containsKey(in.applicationId()) && in.applicant().idNumber() != null) {
                hashes.put(in, cipher.hash(in.applicant().idNumber()));
                cipher.hashes(in.applicant().idNumber()).forEach(h -> person.put(h, hashes.get(in)));
            }
        }
        Map<String, List<CaseFile>> open = personsCases(person);
        ReceiptRows rows = new ReceiptRows();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Received> answers = new ArrayList<>(batch.size());
        for (ApplicationIn in : batch) {
            CaseApplication app = known.get(in.applicationId());
            if (app == null) {
                app = receiveNew(in, hashes.get(in), open, rows, now);
                known.put(app.applicationId, app); // the same application again in this batch: a repeat
            }
            answers.add(new Received(app.caseId, app.duplicate ? app.caseId : null));
        }
        rows.write(em, inbox, outbox, source);
        return answers;
    }

    private boolean inServiceArea(String code) {
        return code != null && serviceArea.stream().anyMatch(code::startsWith);
    }

    /**
     * Serializes deliveries of the same application (a repeat racing the first) on row-less locks, taken
     * in one order so that two batches cannot wait for each other; the same keys as one at a time.
     */
    private void lock(List<ApplicationIn> batch) {
        String[] ids = batch.stream().map(a -> a.applicationId().toString()).toArray(String[]::new);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(pg_advisory_xact_lock(k)) from "
                    + "(select distinct hashtext(id) k from unnest(cast(? as text[])) id order by k) keys")) {
                ps.setArray(1, c.createArrayOf("text", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        });
    }

    /**
     * Each applicant's cases, oldest first, locked, found by the hash under any hash key (a case hashed under
     * the previous key, before a rotation, too) and grouped by the hash under the active key: a second
     * application of the person links to the case still undecided in the same township; one in another
     * township or after a decision opens a new case, flagged or linked ({@link CaseLink}).
     */
    private static Map<String, List<CaseFile>> personsCases(Map<String, String> person) {
        Map<String, List<CaseFile>> cases = new HashMap<>();
        if (!person.isEmpty()) {
            CaseFile.<CaseFile>find("idNumberHash in ?1 order by receivedAt",
                    List.copyOf(person.keySet())).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .forEach(c -> cases.computeIfAbsent(person.get(c.idNumberHash), h -> new ArrayList<>()).add(c));
        }
        return cases;
    }

    private static boolean sameTownship(CaseFile c, String divisionCode) {
        return township(c.divisionCode).equals(township(divisionCode));
    }

    private static String township(String code) {
        return code.length() > 9 ? code.substring(0, 9) : code;
    }

    private CaseApplication receiveNew(ApplicationIn in, String idHash, Map<String, List<CaseFile>> open,
            ReceiptRows rows, OffsetDateTime now) {
        rows.inbox.add(in.eventId());
        CaseApplication app = new CaseApplication();
        app.applicationId = in.applicationId();
        app.trackingNumber = in.trackingNumber();
        app.channel = in.channel();
        app.descriptionEnc = cipher.encrypt(in.description(), app.descriptionAt());
        app.receivedAt = in.submittedAt();
        if (in.counter() != null) {
            app.recordedBy = in.counter().recordedBy();
            app.counterInPerson = in.counter().inPerson();
            app.counterIdSeen = in.counter().idSeen();
            app.counterMaterials = in.counter().materialsReceived() == null ? ""
                    : String.join("\n", in.counter().materialsReceived());
        }
        rows.applications.add(app);
        List<CaseFile> persons = idHash == null ? new ArrayList<>() : open.computeIfAbsent(idHash, h -> new ArrayList<>());
        // only a case not yet decided takes in a new application, and only in its own township
        CaseFile existing = persons.stream().filter(o -> !o.status.decided() && sameTownship(o, in.divisionCode()))
                .findFirst().orElse(null);
        if (existing != null) {
            app.caseId = existing.id;
            app.duplicate = true;
            // no SMS to the case's applicant, no status to anyone: see the class comment
            rows.steps.add(step(existing, "LINK_DUPLICATE",
                    "application " + in.trackingNumber() + " linked as a duplicate, awaiting confirmation", now));
            existing.updatedAt = now;
            rows.audit.add(AuditLog.entry(now, SOURCE, ROLES, "LINK_DUPLICATE", existing.id, existing.divisionCode,
                    in.trackingNumber()));
            return app;
        }
        CaseFile c = open(in, idHash, rows, now);
        related(c, persons, rows, now);
        persons.add(c); // the same person again in this batch links to this case
        app.caseId = c.id;
        app.duplicate = false;
        tell(c, List.of(app.applicationId), rows);
        rows.audit.add(AuditLog.entry(now, SOURCE, ROLES, "RECEIVE", c.id, c.divisionCode, in.trackingNumber()));
        return app;
    }

    /**
     * The new case and the person's other cases: each undecided one (in another township) is flagged as a
     * possible duplicate on both sides, and the latest decided one is linked as the previous case. Neither
     * applicant is texted about the other (an ID number is no proof of identity).
     */
    private static void related(CaseFile c, List<CaseFile> persons, ReceiptRows rows, OffsetDateTime now) {
        CaseFile previous = null;
        for (CaseFile o : persons) {
            if (!o.status.decided()) {
                pair(c, o, CaseLink.Kind.POSSIBLE_DUPLICATE, CaseLink.Kind.POSSIBLE_DUPLICATE, "FLAG_DUPLICATE",
                        rows, now);
            } else if (previous == null || !o.receivedAt.isBefore(previous.receivedAt)) {
                previous = o;
            }
        }
        if (previous != null) {
            pair(c, previous, CaseLink.Kind.PREVIOUS_CASE, CaseLink.Kind.LATER_CASE, "LINK_PREVIOUS_CASE", rows, now);
        }
    }

    private static void pair(CaseFile c, CaseFile o, CaseLink.Kind kind, CaseLink.Kind back, String step,
            ReceiptRows rows, OffsetDateTime now) {
        rows.links.add(CaseLink.of(c.id, o.id, kind, now));
        rows.links.add(CaseLink.of(o.id, c.id, back, now));
        rows.steps.add(step(c, step, kind + ": case " + o.trackingNumber + " (" + o.townshipName + ", "
                + o.status + ")", now));
        rows.steps.add(step(o, step, back + ": case " + c.trackingNumber + " (" + c.townshipName + ")", now));
        o.updatedAt = now;
        rows.audit.add(AuditLog.entry(now, SOURCE, ROLES, step, c.id, c.divisionCode, kind + " " + o.trackingNumber));
        rows.audit.add(AuditLog.entry(now, SOURCE, ROLES, step, o.id, o.divisionCode, back + " " + c.trackingNumber));
    }

    /** The resident's SMS and the status to each of the case's applications, as ResidentNotices writes them. */
    private static void tell(CaseFile c, List<UUID> applications, ReceiptRows rows) {
        Outbox.Event sms = ResidentNotices.telling(c, ResidentEvent.RECEIVED, ResidentNotices.Extras.NONE);
        if (sms != null) {
            rows.events.add(sms);
        }
        rows.events.addAll(ResidentNotices.statusEvents(c, applications));
    }

    private CaseFile open(ApplicationIn in, String idHash, ReceiptRows rows, OffsetDateTime now) {
        LocalDate today = now.toLocalDate();
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
        c.descriptionEnc = cipher.encrypt(in.description(), c.at(CaseFile.DESCRIPTION));
        c.householdSize = in.householdSize();
        c.applicantNameEnc = cipher.encrypt(in.applicant().name(), c.at(CaseFile.NAME));
        c.applicantNameHash = cipher.hash(NameSearch.normalized(in.applicant().name()));
        c.idNumberEnc = cipher.encrypt(in.applicant().idNumber(), c.at(CaseFile.ID_NUMBER));
        c.idNumberHash = idHash;
        c.phoneEnc = cipher.encrypt(in.applicant().phone(), c.at(CaseFile.PHONE));
        if (in.alert() != null) {
            c.alertSource = in.alert().source();
            c.alertReason = in.alert().reason();
            c.alertDate = in.alert().date();
        }
        c.consentVersion = in.consentVersion();
        c.receivedAt = in.submittedAt();
        c.updatedAt = now;
        rows.cases.add(c);
        rows.deadlines.addAll(c.urgent
                ? deadlines.startNew(c, today, Clock.Kind.ACCEPTANCE, Clock.Kind.EMERGENCY_AID)
                : deadlines.startNew(c, today, Clock.Kind.ACCEPTANCE));
        rows.steps.add(step(c, "RECEIVE", null, now));
        return c;
    }

    private static CaseStep step(CaseFile c, String action, String details, OffsetDateTime now) {
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.action = action;
        s.fromStatus = null;
        s.toStatus = c.status.name();
        s.actor = SOURCE;
        s.at = now;
        s.details = details;
        return s;
    }
}
