package cn.scanforhelp.intake.notice;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.Inbox;
import cn.scanforhelp.infra.outbox.Outbox;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.intake.application.TextChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The public notices: case-service's events stored (each once, by the inbox), the notices a township shows now
 * (by the service's clock: a notice is gone the moment its period ends, whether or not the withdrawal has
 * arrived yet), and objections filed on a notice, handed to case-service through the outbox.
 */
@ApplicationScoped
public class NoticeService {

    static final Set<String> TYPES = Set.of("DIBAO", "TEKUN", "TEMPORARY");
    static final int NAME_MAX = 50;
    static final int CONTACT_MAX = 50;
    static final int TEXT_MAX = 1000;

    private final Inbox inbox;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final java.time.Clock clock;

    public NoticeService(Inbox inbox, Outbox outbox, FieldCipher cipher, java.time.Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.cipher = cipher;
        this.clock = clock;
    }

    static List<FieldError> errors(NoticeEvent e) {
        List<FieldError> errors = new ArrayList<>();
        if (e.eventId() == null) {
            errors.add(FieldError.of("eventId", "required"));
        }
        if (e.noticeId() == null) {
            errors.add(FieldError.of("noticeId", "required"));
        }
        if ("WITHDRAWN".equals(e.event())) {
            if (e.withdrawnAt() == null) {
                errors.add(FieldError.of("withdrawnAt", "required"));
            }
            return errors;
        }
        if (!"PUBLISHED".equals(e.event())) {
            errors.add(FieldError.of("event", "enum", "PUBLISHED, WITHDRAWN"));
            return errors;
        }
        if (e.townshipCode() == null || !e.townshipCode().matches("[0-9]{9}")) {
            errors.add(FieldError.of("townshipCode", "division.format"));
        }
        if (e.villageCode() != null && (!e.villageCode().matches("[0-9]{12}")
                || e.townshipCode() == null || !e.villageCode().startsWith(e.townshipCode()))) {
            errors.add(FieldError.of("villageCode", "village.not-in-township"));
        }
        text(errors, "townshipName", e.townshipName(), 100, true);
        text(errors, "villageName", e.villageName(), 100, false);
        // a notice shows the surname and a star, never a whole name: anything else is refused
        if (e.maskedName() == null || e.maskedName().length() > 20 || !e.maskedName().endsWith("*")
                || e.maskedName().indexOf('*') < 1) {
            errors.add(FieldError.of("maskedName", "required"));
        }
        if (e.householdSize() != null && (e.householdSize() < 1 || e.householdSize() > 30)) {
            errors.add(FieldError.of("householdSize", "range", 1, 30));
        }
        if (e.assistanceType() == null || !TYPES.contains(e.assistanceType())) {
            errors.add(FieldError.of("assistanceType", "enum", String.join(", ", TYPES.stream().sorted().toList())));
        }
        if (e.publishedAt() == null) {
            errors.add(FieldError.of("publishedAt", "required"));
        }
        if (e.endsAt() == null) {
            errors.add(FieldError.of("endsAt", "required"));
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String v, int max, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "required"));
            }
        } else if (v.length() > max) {
            errors.add(FieldError.of(field, "text.too-long", max));
        } else if (!TextChecks.clean(v, false)) {
            errors.add(FieldError.of(field, "text.invalid-characters"));
        }
    }

    /** Applies case-service's event once (inbox by eventId, recording {@code source}). */
    @Transactional
    public void apply(NoticeEvent e, String source) {
        List<FieldError> errors = errors(e);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (!inbox.firstDelivery(e.eventId(), source)) {
            return;
        }
        PublicNotice n = PublicNotice.findById(e.noticeId());
        if ("WITHDRAWN".equals(e.event())) {
            if (n != null && n.withdrawnAt == null) {
                n.withdrawnAt = e.withdrawnAt();
            }
            return;
        }
        boolean fresh = n == null;
        if (fresh) {
            n = new PublicNotice();
            n.id = e.noticeId();
        }
        n.townshipCode = e.townshipCode();
        n.townshipName = e.townshipName();
        n.villageCode = e.villageCode();
        n.villageName = e.villageName();
        n.maskedName = e.maskedName();
        n.householdSize = e.householdSize();
        n.assistanceType = e.assistanceType();
        n.amountYuan = e.amountYuan();
        n.publishedAt = e.publishedAt();
        n.endsAt = e.endsAt();
        if (fresh) {
            n.persist();
        }
    }

    /** The township's notices on the page now, by village, then name. */
    @Transactional
    public List<PublicNotice> showing(String townshipCode) {
        return PublicNotice.<PublicNotice>list("townshipCode = ?1 and withdrawnAt is null and endsAt > ?2 "
                + "order by villageCode, publishedAt, id", townshipCode, OffsetDateTime.now(clock));
    }

    @Transactional
    public Optional<PublicNotice> showing(String townshipCode, UUID id) {
        PublicNotice n = PublicNotice.findById(id);
        return n != null && n.townshipCode.equals(townshipCode) && n.showing(OffsetDateTime.now(clock))
                ? Optional.of(n) : Optional.empty();
    }

    /** An objection as typed on the page. */
    public record Objection(String name, String contact, String text) {
    }

    /** What is wrong with an objection, by field (codes of the page's texts); empty when it can be filed. */
    public static Map<String, String> problems(Objection o) {
        Map<String, String> p = new LinkedHashMap<>();
        check(p, "name", o.name(), NAME_MAX, false);
        check(p, "contact", o.contact(), CONTACT_MAX, false);
        check(p, "text", o.text(), TEXT_MAX, true);
        return p;
    }

    private static void check(Map<String, String> p, String field, String v, int max, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                p.put(field, "notice_err_required");
            }
        } else if (v.strip().length() > max) {
            p.put(field, "notice_err_too_long");
        } else if (!TextChecks.clean(v, "text".equals(field))) {
            p.put(field, "notice_err_characters");
        }
    }

    /**
     * Files the objection: stored in the outbox for case-service (name, contact and text encrypted at rest),
     * sent by the relay to {@code POST /internal/v1/notices/{id}/objections}. False when the notice is no
     * longer showing.
     */
    @Transactional
    public boolean file(String townshipCode, UUID noticeId, Objection o) {
        if (showing(townshipCode, noticeId).isEmpty()) {
            return false;
        }
        UUID eventId = UUID.randomUUID();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("eventId", eventId);
        payload.put("name", o.name() == null || o.name().isBlank() ? null : cipher.encrypt(o.name().strip()));
        payload.put("contact", o.contact() == null || o.contact().isBlank() ? null : cipher.encrypt(o.contact().strip()));
        payload.put("text", cipher.encrypt(o.text().strip()));
        payload.put("receivedAt", OffsetDateTime.now(clock).withNano(0));
        outbox.enqueue(eventId, ObjectionDelivery.DESTINATION, noticeId.toString(), "OBJECTION", payload);
        return true;
    }
}
