package cn.scanforhelp.notification.event;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.Inbox;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.notification.budget.SmsBudget;
import cn.scanforhelp.notification.config.SmsConfig;
import cn.scanforhelp.notification.message.SmsMessage;
import cn.scanforhelp.notification.message.SmsStatus;
import cn.scanforhelp.notification.sending.QuietHours;
import cn.scanforhelp.notification.sending.Segments;
import cn.scanforhelp.notification.template.SmsTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores the SMS of an event, once: the inbox entry and the message row commit together, and the
 * row is unique by event id, so a repeated or concurrent delivery of the same event finds the first
 * row instead of creating a second. Sending happens after the commit (SmsSender).
 */
@ApplicationScoped
public class EventService {

    private final Inbox inbox;
    private final FieldCipher cipher;
    private final SmsTemplates templates;
    private final QuietHours quietHours;
    private final SmsConfig config;
    private final Clock clock;
    private final List<String> serviceArea;
    private final SmsBudget budget;

    public EventService(Inbox inbox, FieldCipher cipher, SmsTemplates templates, QuietHours quietHours,
            SmsConfig config, Clock clock, @ConfigProperty(name = "sfh.service-area") List<String> serviceArea,
            SmsBudget budget) {
        this.budget = budget;
        this.serviceArea = List.copyOf(serviceArea);
        this.inbox = inbox;
        this.cipher = cipher;
        this.templates = templates;
        this.quietHours = quietHours;
        this.config = config;
        this.clock = clock;
    }

    public record Accepted(UUID notificationId, boolean duplicate, SmsStatus status, OffsetDateTime scheduledFor) {
    }

    /** {@code source}: the sending client (the token's azp), recorded with each event id in the inbox. */
    @Transactional
    public Accepted accept(CaseEvent e, String source) {
        if (e.divisionCode() == null || serviceArea.stream().noneMatch(e.divisionCode()::startsWith)) {
            // no government-signed SMS about a district this deployment does not serve, whoever asks
            throw ProblemException.validation(List.of(FieldError.of("divisionCode", "division.outside-service-area")));
        }
        if (!inbox.firstDelivery(e.eventId(), source)) {
            SmsMessage existing = SmsMessage.find("eventId", e.eventId()).firstResult();
            return new Accepted(existing.id, true, existing.status, existing.nextAttemptAt);
        }
        Instant now = clock.instant();
        boolean urgent = e.urgent() || e.type() == EventType.EMERGENCY_AID;
        Instant earliest = quietHours.earliest(now, urgent);
        SmsMessage m = new SmsMessage();
        m.id = UUID.randomUUID();
        m.eventId = e.eventId();
        m.eventType = e.type().name();
        m.caseId = e.caseId();
        m.trackingNumber = e.trackingNumber();
        m.divisionCode = e.divisionCode();
        m.phoneEnc = cipher.encrypt(e.phone(), SmsMessage.phoneOf(m.id));
        m.phoneHash = cipher.hash(e.phone());
        m.body = templates.render(e);
        m.parts = Segments.count(m.body);
        m.urgent = urgent;
        var over = budget.take(m.eventType, e.phone(), m.id, m.divisionCode);
        m.status = over.isPresent() ? SmsStatus.HELD : SmsStatus.PENDING;
        m.lastError = over.map(scope -> "held: daily SMS budget per " + scope.name().toLowerCase() + " used up")
                .orElse(null);
        m.udhReference = ThreadLocalRandom.current().nextInt(256);
        m.nextAttemptAt = utc(earliest);
        m.giveUpAt = utc(earliest.plus(config.retry().giveUpAfter()));
        m.createdAt = utc(now);
        m.updatedAt = m.createdAt;
        m.occurredAt = e.occurredAt();
        m.asksRating = e.asksRating();
        m.persist();
        return new Accepted(m.id, false, m.status, m.nextAttemptAt);
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
