package cn.scanforhelp.intake.hotline;

import cn.scanforhelp.infra.audit.StaffAudit;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.Masking;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.StaffScope;
import cn.scanforhelp.intake.application.Application;
import cn.scanforhelp.intake.application.ApplicationCommand;
import cn.scanforhelp.intake.application.ApplicationQueries;
import cn.scanforhelp.intake.application.ApplicationService;
import cn.scanforhelp.intake.application.ApplicationValidator;
import cn.scanforhelp.intake.application.Origin;
import cn.scanforhelp.intake.application.PhoneNumbers;
import cn.scanforhelp.intake.application.SubmissionResult;
import cn.scanforhelp.intake.application.TextChecks;
import cn.scanforhelp.intake.application.TrackingNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records hotline calls; a call whose outcome is APPLICATION creates the application (channel
 * HOTLINE, consent given by phone and recorded with the operator's name) in the same transaction.
 * Operators work only inside their division.
 */
@ApplicationScoped
public class HotlineService {

    private static final int HISTORY_LIMIT = 200;

    private final ApplicationService applications;
    private final ApplicationValidator validator;
    private final ApplicationQueries queries;
    private final FieldCipher cipher;
    private final java.time.Clock clock;
    private final StaffAudit audit;

    public HotlineService(ApplicationService applications, ApplicationValidator validator, ApplicationQueries queries,
            FieldCipher cipher, java.time.Clock clock, StaffAudit audit) {
        this.audit = audit;
        this.clock = clock;
        this.applications = applications;
        this.validator = validator;
        this.queries = queries;
        this.cipher = cipher;
    }

    @Transactional
    public HotlineViews.Recorded record(HotlineViews.CallRequest r, StaffScope scope, String idempotencyKey) {
        List<FieldError> errors = new ArrayList<>();
        String phone = PhoneNumbers.normalize(r.callerPhone() == null || r.callerPhone().length() > 20 ? null : r.callerPhone());
        if (r.callerPhone() == null || r.callerPhone().isBlank()) {
            errors.add(FieldError.of("callerPhone", "required"));
        } else if (phone == null && !(r.callerPhone().matches("0[0-9]{2,3}-?[0-9]{7,8}"))) {
            errors.add(FieldError.of("callerPhone", "phone.format"));
        } else if (phone == null) {
            phone = r.callerPhone().replace("-", "");
        }
        validator.division(r.divisionCode(), null, "divisionCode", "villageCode", errors);
        if (r.divisionCode() != null && errors.stream().noneMatch(e -> e.field().equals("divisionCode"))
                && !scope.covers(r.divisionCode())) {
            errors.add(FieldError.of("divisionCode", "division.out-of-scope"));
        }
        if (r.startedAt() == null) {
            errors.add(FieldError.of("startedAt", "required"));
        } else if (r.startedAt().isAfter(OffsetDateTime.now(clock).plusMinutes(5))) {
            errors.add(FieldError.of("startedAt", "date.future"));
        }
        if (r.durationSeconds() == null || r.durationSeconds() < 0 || r.durationSeconds() > 86400) {
            errors.add(FieldError.of("durationSeconds", "range", 0, 86400));
        }
        if (r.notes() != null && !TextChecks.clean(r.notes(), true)) {
            errors.add(FieldError.of("notes", "text.invalid-characters"));
        } else if (r.notes() != null && r.notes().length() > 2000) {
            errors.add(FieldError.of("notes", "text.too-long", 2000));
        }
        HotlineCall.Outcome outcome = HotlineCall.Outcome.parse(r.outcome());
        if (outcome == null) {
            errors.add(FieldError.of("outcome", "enum", Arrays.stream(HotlineCall.Outcome.values())
                    .map(Enum::name).collect(Collectors.joining(", "))));
        }
        if (r.cannedAnswerId() != null) {
            CannedAnswer answer = CannedAnswer.findById(r.cannedAnswerId());
            if (answer == null || answer.retired || r.divisionCode() == null
                    || !r.divisionCode().startsWith(answer.divisionCode)) {
                errors.add(FieldError.of("cannedAnswerId", "call.canned-answer-unknown"));
            }
        }
        ApplicationCommand command = null;
        if (outcome == HotlineCall.Outcome.APPLICATION) {
            if (r.application() == null) {
                errors.add(FieldError.of("application", "call.application-required"));
            } else {
                command = withCallerPhone(r.application(), r.callerPhone());
                try {
                    ApplicationValidator.Valid v = validator.validate(command, Origin.hotline(scope.user()));
                    if (!scope.covers(v.township().code)) {
                        errors.add(FieldError.of("application.divisionCode", "division.out-of-scope"));
                    }
                } catch (ProblemException e) {
                    e.errors().forEach(f -> errors.add(new FieldError("application." + f.field(), f.code(), f.args())));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (idempotencyKey != null && command == null) {
            // a call without an application: the operator's key alone says it is the same call again. Two at once
            // (a double press): the second waits here until the first commits, then finds it (the application's
            // own key does the same for a call with an application, in ApplicationService.claimKey)
            HotlineCall.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, "hotline_call/" + scope.user() + "/" + idempotencyKey).getSingleResult();
            HotlineCall first = HotlineCall.find("operator = ?1 and idempotencyKey = ?2", scope.user(), idempotencyKey)
                    .firstResult();
            if (first != null) {
                return recorded(first.id, null);
            }
        }
        SubmissionResult result = command == null ? null
                : applications.submit(command, Origin.hotline(scope.user()), idempotencyKey);
        HotlineCall call = new HotlineCall();
        call.id = UUID.randomUUID();
        call.callerPhone = cipher.encrypt(phone, call.at(HotlineCall.CALLER_PHONE));
        call.callerPhoneHash = cipher.hash(phone);
        call.divisionCode = r.divisionCode();
        call.operator = scope.user();
        call.startedAt = r.startedAt();
        call.durationSeconds = r.durationSeconds();
        call.notesEnc = cipher.encrypt(r.notes(), call.at(HotlineCall.NOTES));
        call.outcome = outcome;
        call.applicationId = result == null ? null : result.applicationId();
        call.recordedAt = OffsetDateTime.now(clock);
        call.cannedAnswerId = r.cannedAnswerId();
        call.idempotencyKey = idempotencyKey;
        call.followUpOpen = outcome.needsFollowUp();
        if (result != null && result.replayed()) {
            // a repeated submission of the same call: the first one is already recorded
            HotlineCall first = HotlineCall.find("applicationId", result.applicationId()).firstResult();
            if (first != null) {
                return recorded(first.id, result);
            }
        }
        call.persist();
        return recorded(call.id, result);
    }

    private static HotlineViews.Recorded recorded(UUID callId, SubmissionResult result) {
        return new HotlineViews.Recorded(callId, result == null ? null : result.applicationId(),
                result == null ? null : result.trackingNumber(),
                result == null ? null : TrackingNumbers.display(result.trackingNumber()));
    }

    /**
     * The caller's number becomes the applicant's only when it is a mobile: a landline cannot take an SMS, so a
     * landline caller's application has the mobile they gave, or none (the township calls back).
     */
    private static ApplicationCommand withCallerPhone(ApplicationCommand c, String callerPhone) {
        ApplicationCommand.Applicant a = c.applicant();
        if (a != null && (a.phone() == null || a.phone().isBlank()) && PhoneNumbers.normalize(callerPhone) != null) {
            return new ApplicationCommand(c.divisionCode(), c.villageCode(),
                    new ApplicationCommand.Applicant(a.name(), a.idNumber(), callerPhone), c.difficulty(),
                    c.description(), c.consent(), c.householdSize(), c.urgent(), c.posterCode(), c.sensitiveConsent());
        }
        return c;
    }

    /** A call as the operator sees it again: number masked, notes opened. */
    HotlineViews.Call view(HotlineCall c) {
        return views(List.of(c)).get(0);
    }

    /** Calls as the operator sees them again; the tracking numbers of their applications read in one query. */
    List<HotlineViews.Call> views(List<HotlineCall> calls) {
        List<UUID> ids = calls.stream().map(c -> c.applicationId).filter(java.util.Objects::nonNull).distinct().toList();
        java.util.Map<UUID, String> tracking = ids.isEmpty() ? java.util.Map.of()
                : Application.<Application>list("id in ?1", ids).stream()
                        .collect(java.util.stream.Collectors.toMap(a -> a.id, a -> a.trackingNumber));
        return calls.stream().map(c -> view(c, c.applicationId == null ? null : tracking.get(c.applicationId))).toList();
    }

    private HotlineViews.Call view(HotlineCall c, String tracking) {
        return new HotlineViews.Call(c.id, Masking.phone(cipher.decryptOrBlank(c.callerPhone,
                c.at(HotlineCall.CALLER_PHONE))), c.divisionCode, c.operator, ApplicationQueries.local(c.startedAt),
                c.durationSeconds, cipher.openOrBlank(c.notesEnc, c.notes, c.at(HotlineCall.NOTES)), c.outcome,
                c.applicationId, tracking, c.cannedAnswerId,
                !c.outcome.needsFollowUp() ? null : c.followUpOpen ? "OPEN" : "CLOSED");
    }

    /** Earlier calls and applications from this number inside the operator's division, newest first. */
    @Transactional
    public HotlineViews.History history(String rawPhone, StaffScope scope) {
        String phone = PhoneNumbers.normalize(rawPhone == null || rawPhone.length() > 20 ? null : rawPhone);
        if (phone == null && rawPhone != null && rawPhone.matches("0[0-9]{2,3}-?[0-9]{7,8}")) {
            phone = rawPhone.replace("-", "");
        }
        if (phone == null) {
            throw ProblemException.validation(List.of(FieldError.of("phone", "phone.format")));
        }
        String hash = cipher.hash(phone);
        List<String> hashes = cipher.hashes(phone); // under the current and the previous hash key
        String prefix = scope.division() + "%";
        List<HotlineViews.Call> calls = views(HotlineCall.<HotlineCall>find(
                        "callerPhoneHash in ?1 and divisionCode like ?2 order by startedAt desc", hashes, prefix)
                .page(0, HISTORY_LIMIT).list());
        // the applications with this number, and those taken on a call from it (a landline caller's has none)
        List<UUID> taken = calls.stream().map(HotlineViews.Call::applicationId).filter(java.util.Objects::nonNull)
                .toList();
        var apps = Application.<Application>find("(phoneHash in ?1 or id in ?3) and divisionCode like ?2 "
                        + "order by submittedAt desc", hashes, prefix, taken.isEmpty() ? List.of(new UUID(0, 0)) : taken)
                .page(0, HISTORY_LIMIT).list().stream().map(queries::summary).toList();
        audit.record("SEARCH_CALLER", hash, null, calls.size() + " calls, " + apps.size() + " applications");
        return new HotlineViews.History(calls, apps);
    }
}
