package cn.scanforhelp.intake.casehandoff;

import cn.scanforhelp.infra.outbox.Inbox;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.intake.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Applies case-service's status reports: each event once (inbox), the highest sequence wins. */
@ApplicationScoped
public class StatusService {

    public static final Set<String> STATUSES = Set.of("RECEIVED", "ACCEPTED", "MATERIALS_REQUESTED", "NOT_ACCEPTED",
            "UNDER_REVIEW", "PUBLIC_NOTICE", "APPROVED", "REJECTED", "REFERRED", "EMERGENCY_AID", "WITHDRAWN", "CLOSED");
    /** After these the person's monitoring alert is no longer open. */
    public static final Set<String> FINAL = Set.of("NOT_ACCEPTED", "APPROVED", "REJECTED", "REFERRED", "WITHDRAWN",
            "CLOSED");

    private final Inbox inbox;

    public StatusService(Inbox inbox) {
        this.inbox = inbox;
    }

    /** The fields an update must have; empty when it can be applied. */
    public static List<FieldError> errors(StatusUpdate u) {
        List<FieldError> errors = new ArrayList<>();
        if (u.eventId() == null) {
            errors.add(FieldError.of("eventId", "required"));
        }
        if (u.sequence() == null || u.sequence() < 0) {
            errors.add(FieldError.of("sequence", "required"));
        }
        if (u.status() == null || !STATUSES.contains(u.status())) {
            errors.add(FieldError.of("status", "enum", String.join(", ", STATUSES.stream().sorted().toList())));
        }
        if (u.updatedAt() == null) {
            errors.add(FieldError.of("updatedAt", "required"));
        }
        if (u.caseId() != null && u.caseId().length() > 64) {
            errors.add(FieldError.of("caseId", "text.too-long", 64));
        }
        return errors;
    }

    /**
     * @param source the reporting client (the token's azp), recorded with each event id in the inbox
     * @return true if the update changed what the resident sees
     */
    @Transactional
    public boolean apply(UUID applicationId, StatusUpdate u, String source) {
        List<FieldError> errors = errors(u);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        // lock the row: two updates at once must not both think theirs is the newest
        Application a = Application.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("application");
        }
        if (!inbox.firstDelivery(u.eventId(), source)) {
            return false;
        }
        if (u.sequence() <= a.statusSequence) {
            return false;
        }
        a.status = u.status();
        a.statusSequence = u.sequence();
        a.statusUpdatedAt = u.updatedAt();
        a.nextDeadline = u.nextDeadline();
        if (u.caseId() != null) {
            a.caseId = u.caseId();
        }
        return true;
    }
}
