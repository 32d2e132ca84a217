package cn.scanforhelp.intake.application;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.Outbox;
import cn.scanforhelp.infra.persistence.NativeWrite;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.intake.casehandoff.CaseServiceDelivery;
import cn.scanforhelp.intake.ratelimit.RateLimiter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accepts applications from every channel: validates, stores (personal fields encrypted) with an
 * outbox event to case-service in one transaction, and answers with the tracking number. The same
 * Idempotency-Key gives the same answer and creates nothing; with another body it is a 422.
 *
 * <p>This is the in-process API the resident's HTML form calls too.
 */
@ApplicationScoped
public class ApplicationService {

    public static final String EVENT_SUBMITTED = "ApplicationSubmitted";

    private final ApplicationValidator validator;
    private final FieldCipher cipher;
    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final IntakeConfig config;
    private final RateLimiter rateLimiter;
    private final java.time.Clock clock;

    public ApplicationService(ApplicationValidator validator, FieldCipher cipher, Outbox outbox, EntityManager em,
            ObjectMapper mapper, IntakeConfig config, RateLimiter rateLimiter, java.time.Clock clock) {
        this.clock = clock;
        this.validator = validator;
        this.cipher = cipher;
        this.outbox = outbox;
        this.em = em;
        this.mapper = mapper;
        this.config = config;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Submits an application.
     *
     * @param idempotencyKey the client's Idempotency-Key, or null (then every call creates one)
     * @throws ProblemException 400 with every invalid field; 422 for a reused key with another body;
     *                          429 when the phone number or the ID number has applied too often (QR channel; a
     *                          channel staff record, {@link Channel#staffRecorded()}, has no such limit)
     */
    @Transactional
    public SubmissionResult submit(ApplicationCommand command, Channel channel, String idempotencyKey) {
        return submit(command, Origin.of(channel), idempotencyKey);
    }

    @Transactional
    public SubmissionResult submit(ApplicationCommand command, Origin origin, String idempotencyKey) {
        ApplicationValidator.Valid v = validator.validate(command, origin);
        UUID id = UUID.randomUUID();
        String trackingNumber = TrackingNumbers.generate();
        if (idempotencyKey != null) {
            List<String> hashes = requestHashes(command, origin);
            SubmissionResult earlier = claimKey(origin, idempotencyKey, hashes, id, trackingNumber);
            if (earlier != null) {
                return earlier;
            }
        }
        if (origin.channel() == Channel.QR) {
            rateLimiter.hit(RateLimiter.Limit.SUBMIT_PER_PHONE, v.phone());
            rateLimiter.hit(RateLimiter.Limit.SUBMIT_PER_ID_NUMBER, v.idNumber());
        }
        Application a = new Application();
        a.id = id;
        a.trackingNumber = trackingNumber;
        a.channel = origin.channel();
        a.divisionCode = v.township().code;
        a.villageCode = v.village() == null ? null : v.village().code;
        a.applicantName = cipher.encrypt(v.name(), a.at(Application.NAME));
        a.idNumber = cipher.encrypt(v.idNumber(), a.at(Application.ID_NUMBER));
        a.idNumberHash = cipher.hash(v.idNumber());
        a.phone = cipher.encrypt(v.phone(), a.at(Application.PHONE));
        a.phoneHash = cipher.hash(v.phone());
        a.cipherKeyId = FieldCipher.keyIdOf(a.idNumber);
        a.difficulty = v.difficulty();
        a.descriptionEnc = cipher.encrypt(v.description(), a.at(Application.DESCRIPTION));
        a.householdSize = v.householdSize();
        a.urgent = v.urgent();
        a.posterCode = v.posterCode();
        a.consentVersion = origin.channel() == Channel.MONITORING ? "none:public-duty" : config.privacyNoticeVersion();
        a.consentRecordedBy = origin.consentRecordedBy();
        a.sensitiveConsent = command.sensitiveConsent();
        if (origin.counter() != null) {
            a.counterInPerson = origin.counter().inPerson();
            a.counterIdSeen = origin.counter().idSeen();
            a.counterMaterials = String.join("\n", origin.counter().materialsReceived());
        }
        if (origin.alert() != null) {
            a.caseType = "VERIFICATION";
            a.alertSource = origin.alert().source();
            a.alertReason = origin.alert().reason();
            a.alertDate = origin.alert().date();
        }
        a.submittedAt = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        a.status = "RECEIVED";
        a.statusUpdatedAt = a.submittedAt;
        a.persist();
        // The payload names the application only: the relay reads and decrypts it when it delivers,
        // so no personal data lies in clear in the outbox table.
        outbox.enqueue(CaseServiceDelivery.DESTINATION, id.toString(), EVENT_SUBMITTED, Map.of("applicationId", id));
        return new SubmissionResult(id, trackingNumber, false);
    }

    /**
     * Records the key with this request's hash. If another request holds the key, PostgreSQL makes
     * this insert wait for it to commit (or roll back): two identical requests at the same moment
     * create one application, and the second answers with the first one's result.
     */
    private SubmissionResult claimKey(Origin origin, String key, List<String> requestHashes, UUID id, String trackingNumber) {
        String requestHash = requestHashes.get(0);
        if (key.isEmpty() || key.length() > 100 || !key.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw ProblemException.validation(List.of(
                    ProblemException.FieldError.of("Idempotency-Key", "idempotency-key.format")));
        }
        int inserted = NativeWrite.to(em, "idempotency_record", "insert into idempotency_record (channel, "
                        + "idempotency_key, request_hash, application_id, tracking_number) values (?1, ?2, ?3, ?4, ?5) "
                        + "on conflict do nothing")
                .setParameter(1, origin.channel().name()).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, id).setParameter(5, trackingNumber).executeUpdate();
        if (inserted == 1) {
            return null;
        }
        Object[] row = (Object[]) em.createNativeQuery("select request_hash, application_id, tracking_number "
                        + "from idempotency_record where channel = ?1 and idempotency_key = ?2")
                .setParameter(1, origin.channel().name()).setParameter(2, key).getSingleResult();
        if (!requestHashes.contains(row[0])) { // a retry after a hash key rotation still matches
            throw new ProblemException(422, "idempotency-key-reused");
        }
        return new SubmissionResult((UUID) row[1], (String) row[2], true);
    }

    /**
     * HMAC of the canonical request under each hash key, the active one first: equal bodies give equal
     * hashes; nothing personal is stored.
     */
    private List<String> requestHashes(ApplicationCommand command, Origin origin) {
        try {
            return cipher.hashes(mapper.writeValueAsString(List.of(command, origin)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request cannot be serialized", e);
        }
    }
}
