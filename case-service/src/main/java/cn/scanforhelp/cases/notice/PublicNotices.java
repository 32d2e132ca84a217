package cn.scanforhelp.cases.notice;

import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.Masking;
import cn.scanforhelp.infra.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The 公示 on intake's public page: when a case enters PUBLIC_NOTICE an outbox event publishes it, when it
 * leaves (objection, approval, rejection, withdrawal) another withdraws it. The published event carries only
 * what a notice may show: the name with the given name masked (张*), the household's size, the assistance
 * type and the amount when known, with the township and village it hangs in and the period; never an ID
 * number, a phone, health, or any household member (minors included).
 */
@ApplicationScoped
public class PublicNotices {

    /** The outbox destination: intake-service's notice endpoint. */
    public static final String DESTINATION = "intake-service-notices";

    private final Outbox outbox;
    private final FieldCipher cipher;
    private final java.time.Clock clock;

    public PublicNotices(Outbox outbox, FieldCipher cipher, java.time.Clock clock) {
        this.outbox = outbox;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** After a step that moved the case from {@code from}: publishes or withdraws its notice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(CaseFile c, CaseStatus from) {
        boolean now = c.status == CaseStatus.PUBLIC_NOTICE;
        boolean before = from == CaseStatus.PUBLIC_NOTICE;
        if (now && !before) {
            c.noticeId = UUID.randomUUID();
            UUID id = UUID.randomUUID();
            outbox.enqueue(id, DESTINATION, c.noticeId.toString(), "PUBLISHED", published(id, c,
                    maskedName(cipher.openOrBlank(c.applicantNameEnc, c.applicantName, c.at(CaseFile.NAME)))));
        } else if (before && !now && c.noticeId != null) {
            UUID id = UUID.randomUUID();
            outbox.enqueue(id, DESTINATION, c.noticeId.toString(), "WITHDRAWN", withdrawn(id, c.noticeId,
                    OffsetDateTime.now(clock)));
            // the id stays with the case: an objection filed while the withdrawal travels still finds it
        }
    }

    /** The published notice exactly as docs/contracts.md shows it: nothing beyond these fields. */
    static Map<String, Object> published(UUID eventId, CaseFile c, String maskedName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", eventId);
        m.put("noticeId", c.noticeId);
        m.put("event", "PUBLISHED");
        m.put("townshipCode", c.divisionCode);
        m.put("townshipName", c.townshipName);
        m.put("villageCode", c.villageCode);
        m.put("villageName", c.villageName);
        m.put("maskedName", maskedName);
        m.put("householdSize", c.householdSize);
        m.put("assistanceType", c.type.name());
        m.put("amountYuan", c.amountYuan);
        m.put("publishedAt", at(c.updatedAt));
        m.put("endsAt", at(c.noticeEndsAt));
        return m;
    }

    static Map<String, Object> withdrawn(UUID eventId, UUID noticeId, OffsetDateTime when) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", eventId);
        m.put("noticeId", noticeId);
        m.put("event", "WITHDRAWN");
        m.put("withdrawnAt", at(when));
        return m;
    }

    private static OffsetDateTime at(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Calendars.ZONE).toOffsetDateTime().withNano(0);
    }

    /** The name as the notice shows it: infra's {@link Masking#noticeName}, the one rule of the page and the print. */
    public static String maskedName(String name) {
        return Masking.noticeName(name);
    }
}
