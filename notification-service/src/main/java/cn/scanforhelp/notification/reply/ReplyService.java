package cn.scanforhelp.notification.reply;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.Outbox;
import cn.scanforhelp.notification.message.SmsMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replies from residents. Each is kept against the sender's latest case. After a case closed with help
 * given, its SMS asked for a 1–5 rating (never after a refusal, a withdrawal or an alert): the first reply that is such a digit is forwarded to case-service
 * (through the outbox, with the reply's id as event id) and counts in its statistics.
 */
@ApplicationScoped
public class ReplyService {

    public static final String CASE_SERVICE = "case-service";
    public static final String EVENT_TYPE = "SatisfactionRated";
    /** "5", "５", " 4 分", "评5" — one digit 1–5 and nothing else numeric. */
    private static final Pattern RATING = Pattern.compile("^\\D*([1-5１-５])\\D*$");

    private final FieldCipher cipher;
    private final Outbox outbox;
    private final Clock clock;

    public ReplyService(FieldCipher cipher, Outbox outbox, Clock clock) {
        this.cipher = cipher;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public SmsReply record(String fromPhone, String text) {
        String phone = normalize(fromPhone);
        String hash = cipher.hash(phone);
        // the phone's hash under the current and the previous hash key (messages hashed before a rotation)
        SmsMessage latest = SmsMessage.find("phoneHash in ?1 order by createdAt desc", cipher.hashes(phone)).firstResult();
        SmsReply r = new SmsReply();
        r.id = UUID.randomUUID();
        r.phoneHash = hash;
        r.textEnc = cipher.encrypt(text == null ? "" : text);
        r.receivedAt = OffsetDateTime.now(clock);
        if (latest != null) {
            r.caseId = latest.caseId;
            r.trackingNumber = latest.trackingNumber;
            r.divisionCode = latest.divisionCode;
            r.rating = rating(text);
            if (r.rating != null && closed(latest.caseId) && !alreadyRated(latest.caseId)) {
                r.forwarded = true;
                outbox.enqueue(r.id, CASE_SERVICE, latest.caseId, EVENT_TYPE, Map.of("eventId", r.id,
                        "rating", r.rating, "receivedAt", r.receivedAt.toString()));
            }
        }
        r.persist();
        return r;
    }

    static Integer rating(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = RATING.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        char c = m.group(1).charAt(0);
        return c >= '１' ? c - '０' : c - '0';
    }

    private static boolean closed(String caseId) {
        return SmsMessage.count("caseId = ?1 and eventType = 'CLOSED' and asksRating = true", caseId) > 0;
    }

    private static boolean alreadyRated(String caseId) {
        return SmsReply.count("caseId = ?1 and forwarded = true", caseId) > 0;
    }

    /** The SMSC may give +8613812345678 or 8613812345678 for the number we sent to as 13812345678. */
    static String normalize(String phone) {
        String p = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        return p.length() == 13 && p.startsWith("86") ? p.substring(2) : p;
    }
}
