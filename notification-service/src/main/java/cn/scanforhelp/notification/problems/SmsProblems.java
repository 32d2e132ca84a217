package cn.scanforhelp.notification.problems;

import cn.scanforhelp.infra.audit.StaffAudit;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.StaffScope;
import cn.scanforhelp.notification.config.SmsConfig;
import cn.scanforhelp.notification.message.SmsMessage;
import cn.scanforhelp.notification.message.SmsStatus;
import cn.scanforhelp.notification.sending.QuietHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * SMS that went wrong (FAILED, UNDELIVERABLE, EXPIRED, UNKNOWN) in the caller's division, and what an officer does
 * about one: resend it once, or mark it handled with a note. A resend is a new message row linked to the original
 * ({@code resent_from}, unique), with the same text and the same (re-bound) phone, stored PENDING for the normal
 * sender; it is never counted in the daily budget (staff cause it). A resend is not resent again: the officer calls.
 * The open list leaves out what was handled and what was resent (a resend that fails is listed itself).
 */
@ApplicationScoped
public class SmsProblems {

    private static final Logger LOG = Logger.getLogger(SmsProblems.class);

    /** The statuses an officer is shown: final, and not delivered. */
    public static final Set<SmsStatus> PROBLEMS =
            Set.of(SmsStatus.FAILED, SmsStatus.UNDELIVERABLE, SmsStatus.EXPIRED, SmsStatus.UNKNOWN);

    private static final String WHERE = """
             from sms_message m left join sms_message r on r.resent_from = m.id
            where m.status in ('FAILED', 'UNDELIVERABLE', 'EXPIRED', 'UNKNOWN') and m.division_code like ?1
              and (?2 = false or (m.handled_at is null and r.id is null))""";

    private static final String PAGE = """
            select m.id, m.case_id, m.tracking_number, m.division_code, m.event_type, m.status, m.receipt_state,
                   (select string_agg(distinct rc.error_code, ',') from sms_segment s
                      join sms_receipt rc on rc.smsc_message_id = s.smsc_message_id
                     where s.message_id = m.id and rc.state <> 'DELIVRD') as receipt_error,
                   m.last_error, m.created_at, m.sent_at, m.resent_from, r.id as resend_id, r.status as resend_status,
                   m.handled_at, m.handled_by, m.handled_note""" + WHERE + """

             order by m.created_at desc, m.id limit ?3 offset ?4""";

    private final EntityManager em;
    private final StaffScope scope;
    private final StaffAudit audit;
    private final FieldCipher cipher;
    private final QuietHours quietHours;
    private final SmsConfig config;
    private final Clock clock;

    public SmsProblems(EntityManager em, StaffScope scope, StaffAudit audit, FieldCipher cipher,
            QuietHours quietHours, SmsConfig config, Clock clock) {
        this.em = em;
        this.scope = scope;
        this.audit = audit;
        this.cipher = cipher;
        this.quietHours = quietHours;
        this.config = config;
        this.clock = clock;
    }

    /** One page, newest first; {@code openOnly}: neither handled nor resent. */
    @Transactional
    public ProblemPage list(boolean openOnly, int page, int size) {
        String division = scope.division();
        long total = ((Number) em.createNativeQuery("select count(*)" + WHERE)
                .setParameter(1, division + "%").setParameter(2, openOnly).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PAGE).setParameter(1, division + "%").setParameter(2, openOnly)
                .setParameter(3, size).setParameter(4, (long) page * size).getResultList();
        List<Problem> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            items.add(new Problem((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    SmsStatus.valueOf((String) r[5]), (String) r[6], (String) r[7], (String) r[8], time(r[9]),
                    time(r[10]), (UUID) r[11], (UUID) r[12], r[13] == null ? null : SmsStatus.valueOf((String) r[13]),
                    r[11] != null || r[12] != null, r[14] != null, time(r[14]), (String) r[15], (String) r[16]));
        }
        audit.record("READ_SMS_PROBLEMS", null, division, items.size() + " of " + total + " messages, page " + page);
        return new ProblemPage(items, page, size, total);
    }

    /** The message sent once more as a new row; 409 when it was resent (or is a resend), handled, or not a problem. */
    @Transactional
    public Resend resend(UUID id) {
        SmsMessage original = owned(id);
        if (original.resentFrom != null || SmsMessage.count("resentFrom", id) > 0) {
            throw ProblemException.conflict("sms-already-resent", java.util.Map.of());
        }
        refuseUnlessOpenProblem(original);
        if (original.phoneEnc == null || original.phoneEnc.isEmpty()) {
            throw ProblemException.conflict("sms-erased", java.util.Map.of());
        }
        String phone;
        try {
            phone = cipher.decrypt(original.phoneEnc, SmsMessage.phoneOf(original.id));
        } catch (FieldCipher.Misplaced e) {
            LOG.warnf("sms_message %s: not resent, its encrypted recipient belongs to another row", original.id);
            throw ProblemException.conflict("sms-phone-unusable", java.util.Map.of());
        }
        Instant now = clock.instant();
        Instant earliest = quietHours.earliest(now, original.urgent);
        SmsMessage copy = new SmsMessage();
        copy.id = UUID.randomUUID();
        copy.eventId = UUID.randomUUID(); // not a case event: the original's event already has its row
        copy.eventType = original.eventType;
        copy.caseId = original.caseId;
        copy.trackingNumber = original.trackingNumber;
        copy.divisionCode = original.divisionCode;
        copy.phoneEnc = cipher.encrypt(phone, SmsMessage.phoneOf(copy.id));
        copy.phoneHash = original.phoneHash;
        copy.body = original.body;
        copy.parts = original.parts;
        copy.urgent = original.urgent;
        copy.status = SmsStatus.PENDING;
        copy.udhReference = ThreadLocalRandom.current().nextInt(256);
        copy.nextAttemptAt = utc(earliest);
        copy.giveUpAt = utc(earliest.plus(config.retry().giveUpAfter()));
        copy.createdAt = utc(now);
        copy.updatedAt = copy.createdAt;
        copy.occurredAt = original.occurredAt;
        copy.asksRating = original.asksRating;
        copy.resentFrom = original.id;
        copy.persist();
        audit.record("RESEND_SMS", original.id.toString(), original.divisionCode,
                "resent as " + copy.id + " (" + original.status + ", " + original.trackingNumber + ")");
        return new Resend(copy.id, original.id, copy.status, copy.nextAttemptAt);
    }

    /** Marks the message handled with the officer's note (e.g. called the resident); 409 if it already was. */
    @Transactional
    public Handled handled(UUID id, String note) {
        SmsMessage m = owned(id);
        refuseUnlessOpenProblem(m);
        m.handledAt = utc(clock.instant());
        m.handledBy = scope.user();
        m.handledNote = note.strip();
        // the note may name the resident: it stays in the row (erased with the phone by retention), not in the trail
        audit.record("HANDLE_SMS", m.id.toString(), m.divisionCode, "marked handled (" + m.status + ", "
                + m.trackingNumber + ")");
        return new Handled(m.id, m.handledAt, m.handledBy, m.handledNote);
    }

    private SmsMessage owned(UUID id) {
        SmsMessage m = SmsMessage.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !scope.covers(m.divisionCode)) {
            throw new ProblemException(404, "sms-not-found");
        }
        return m;
    }

    private static void refuseUnlessOpenProblem(SmsMessage m) {
        if (!PROBLEMS.contains(m.status)) {
            throw ProblemException.conflict("sms-not-a-problem", java.util.Map.of());
        }
        if (m.handledAt != null) {
            throw ProblemException.conflict("sms-already-handled", java.util.Map.of());
        }
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt;
        }
        if (o instanceof Instant i) {
            return utc(i);
        }
        if (o instanceof java.sql.Timestamp t) {
            return utc(t.toInstant());
        }
        throw new IllegalStateException("unexpected timestamp type " + o.getClass());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
