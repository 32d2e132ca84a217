package cn.scanforhelp.cases.events;

import cn.scanforhelp.cases.casefile.CaseApplication;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.cases.household.Amounts;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.ResidentEvent;
import cn.scanforhelp.infra.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns steps of a case into outbox events, in the transaction of the step: an SMS event for
 * notification-service, and a status update for intake's look-up (one per linked application).
 * The phone travels encrypted inside the outbox and is decrypted only by the delivery.
 */
@ApplicationScoped
public class ResidentNotices {

    public static final String NOTIFICATION = "notification-service";
    public static final String INTAKE = "intake-service";

    private final Outbox outbox;

    public ResidentNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    /** What an SMS may need beyond the case itself; {@code from}: the state the step left (null: none). */
    public record Extras(String reasonCategory, List<String> materials, String department, BigDecimal amountYuan,
            CaseStatus from) {
        public static final Extras NONE = new Extras(null, null, null, null, null);

        public Extras(String reasonCategory, List<String> materials, String department, BigDecimal amountYuan) {
            this(reasonCategory, materials, department, amountYuan, null);
        }
    }

    /** Where a step's SMS to the resident goes: {@link #tell} in a real step. */
    @FunctionalInterface
    public interface Sink {
        void tell(CaseFile c, ResidentEvent event, Extras x);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(CaseFile c, ResidentEvent event, Extras x) {
        Outbox.Event e = telling(c, event, x);
        if (e != null) {
            outbox.enqueue(e.id(), e.destination(), e.aggregateId(), e.eventType(), e.payload());
        }
    }

    /** The event {@link #tell} writes, for a caller that writes many at once; null when there is nobody to text. */
    public static Outbox.Event telling(CaseFile c, ResidentEvent event, Extras x) {
        if (c.phoneEnc == null) {
            return null; // no phone (e.g. some monitoring alerts): nobody to text; the status still reaches intake
        }
        UUID id = UUID.randomUUID();
        return new Outbox.Event(id, NOTIFICATION, c.id.toString(), event.name(), notification(id, c, event, x));
    }

    /** The SMS event exactly as docs/contracts.md shows it, except {@code phone} (still encrypted here). */
    public static Map<String, Object> notification(UUID eventId, CaseFile c, ResidentEvent event, Extras x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", eventId);
        m.put("type", event.name());
        m.put("caseId", c.id);
        m.put("trackingNumber", c.trackingNumber);
        m.put("divisionCode", c.divisionCode);
        m.put("townshipName", c.townshipName);
        m.put("hotline", c.hotline);
        m.put("phone", c.phoneEnc);
        m.put("urgent", c.urgent);
        m.put("occurredAt", at(c));
        m.put("deadline", c.nextDueOn);
        m.put("reasonCategory", x.reasonCategory());
        m.put("materials", materials(x.materials()));
        m.put("department", x.department());
        m.put("amountYuan", x.amountYuan());
        LocalDate noticeEnds = event == ResidentEvent.PUBLIC_NOTICE && c.noticeEndsAt != null
                ? c.noticeEndsAt.atZoneSameInstant(Calendars.ZONE).toLocalDate() : null;
        m.put("noticeEndsOn", noticeEnds);
        // amounts, dates and the rating request: what the SMS must say truly (docs/contracts.md)
        m.put("payment", event == ResidentEvent.APPROVED ? (Amounts.monthly(c.type) ? "MONTHLY" : "ONE_OFF") : null);
        m.put("emergencyAidYuan", event == ResidentEvent.APPROVED ? c.emergencyAidYuan : null);
        m.put("materialsDueOn", event == ResidentEvent.MATERIALS_REQUESTED ? c.materialsDueOn : null);
        m.put("ratingRequested", ratingRequested(c, event, x.from()));
        return m;
    }

    /**
     * Whether the SMS asks the resident to rate the service: only when a case closes after help was given
     * (approved, or the department's answer to a referral), never after a refusal, a withdrawal, or an
     * alert's closure (the resident did not ask for anything).
     */
    static boolean ratingRequested(CaseFile c, ResidentEvent event, CaseStatus from) {
        return event == ResidentEvent.CLOSED && !"MONITORING".equals(c.channel)
                && (from == CaseStatus.APPROVED || from == CaseStatus.REFERRED);
    }

    /**
     * The missing materials as notification-service takes them: at most 20 items of at most 40 characters
     * (the SMS shortens further; the office explains the full list).
     */
    static List<String> materials(List<String> items) {
        if (items == null || items.isEmpty()) {
            return null;
        }
        return items.stream().limit(20).map(String::trim).map(i -> i.length() > 40 ? i.substring(0, 39) + "等" : i)
                .toList();
    }

    /**
     * The resident's view of the status, to the case's applications that may see it: the one that opened
     * the case and duplicates a reviewer confirmed, never an unconfirmed duplicate (its submitter may have
     * typed in someone else's ID number).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void status(CaseFile c) {
        c.statusSequence++; // before the query, whose flush then writes it with the step's other changes
        List<CaseApplication> apps = CaseApplication.list("caseId = ?1 and (duplicate = false or linkConfirmedAt is not null)",
                c.id);
        for (Outbox.Event e : sequenced(c, apps.stream().map(a -> a.applicationId).toList())) {
            outbox.enqueue(e.id(), e.destination(), e.aggregateId(), e.eventType(), e.payload());
        }
    }

    /**
     * What {@link #status} writes, for a caller that knows the case's applications and writes many events
     * at once: the next status sequence, to each application.
     */
    public static List<Outbox.Event> statusEvents(CaseFile c, List<UUID> applicationIds) {
        c.statusSequence++;
        return sequenced(c, applicationIds);
    }

    private static List<Outbox.Event> sequenced(CaseFile c, List<UUID> applicationIds) {
        List<Outbox.Event> events = new java.util.ArrayList<>(applicationIds.size());
        for (UUID applicationId : applicationIds) {
            UUID id = UUID.randomUUID();
            events.add(new Outbox.Event(id, INTAKE, applicationId.toString(), "STATUS", status(id, c)));
        }
        return events;
    }

    /** When the case changed (its step's time, from the service's clock), as the resident's events carry it. */
    private static OffsetDateTime at(CaseFile c) {
        return c.updatedAt.atZoneSameInstant(Calendars.ZONE).toOffsetDateTime().withNano(0);
    }

    public static Map<String, Object> status(UUID eventId, CaseFile c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", eventId);
        m.put("caseId", c.id);
        m.put("sequence", c.statusSequence);
        m.put("status", c.status.residentStatus());
        m.put("nextDeadline", c.nextDueOn);
        m.put("updatedAt", at(c));
        return m;
    }
}
