package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.events.ResidentNotices;
import cn.scanforhelp.infra.outbox.Outbox;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A reviewer confirms that a duplicate linked to a case is the case's applicant (e.g. after calling the
 * number on the case). Until then the duplicate's look-up shows only "received": the link rests on an
 * ID number, which anyone may type in. Confirming sends the case's current status to that application
 * alone; it changes nothing else of the case. Confirming again has no second effect.
 */
@ApplicationScoped
public class LinkConfirmation {

    private final CaseActions actions;
    private final StaffScope scope;
    private final AuditLog audit;
    private final Outbox outbox;
    private final java.time.Clock clock;

    public LinkConfirmation(CaseActions actions, StaffScope scope, AuditLog audit, Outbox outbox,
            java.time.Clock clock) {
        this.actions = actions;
        this.scope = scope;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public CaseFile confirm(UUID caseId, UUID applicationId, String ifMatch) {
        CaseFile c = actions.lockForChange(caseId, ifMatch);
        CaseApplication app = CaseApplication.findById(applicationId);
        if (app == null || !app.caseId.equals(c.id) || !app.duplicate) {
            throw ProblemException.notFound("关联申请");
        }
        if (app.linkConfirmedAt != null) {
            return c;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        app.linkConfirmedAt = now;
        app.linkConfirmedBy = scope.user();
        c.updatedAt = now;
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.action = "CONFIRM_LINK";
        s.fromStatus = c.status.name();
        s.toStatus = c.status.name();
        s.actor = scope.user();
        s.at = now;
        s.details = "application " + app.trackingNumber + " confirmed as the applicant's";
        s.persist();
        audit.record(scope, "CONFIRM_LINK", c.id, c.divisionCode, app.trackingNumber);
        for (Outbox.Event e : ResidentNotices.statusEvents(c, List.of(app.applicationId))) {
            outbox.enqueue(e.id(), e.destination(), e.aggregateId(), e.eventType(), e.payload());
        }
        return c;
    }
}
