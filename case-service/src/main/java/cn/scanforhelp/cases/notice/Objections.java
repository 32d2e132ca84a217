package cn.scanforhelp.cases.notice;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.casefile.CaseActions;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.CaseQueries;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.Inbox;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An objection a resident filed on the public notice page (intake forwards it): it is kept (encrypted) and,
 * as the rules say, sends the case back to investigation (RECORD_OBJECTION), which withdraws the notice.
 */
@ApplicationScoped
public class Objections {

    /** The reason the step records: the objection's text stays in {@code notice_objection}, encrypted. */
    static final String REINVESTIGATION = "REINVESTIGATION";
    static final String KEPT = "KEPT";

    static final String REASON = "公示期间收到群众异议（公示页面提交），重新调查";

    private final Inbox inbox;
    private final CaseActions actions;
    private final FieldCipher cipher;
    private final java.time.Clock clock;
    private final AuditLog audit;
    private final CaseQueries queries;
    private final StaffScope scope;

    public Objections(Inbox inbox, CaseActions actions, FieldCipher cipher, java.time.Clock clock, AuditLog audit,
            CaseQueries queries, StaffScope scope) {
        this.queries = queries;
        this.scope = scope;
        this.audit = audit;
        this.inbox = inbox;
        this.actions = actions;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** @return false for a repeat of an event already recorded (nothing happens a second time) */
    @Transactional
    public boolean record(UUID noticeId, ObjectionIn in, String source) {
        if (!inbox.firstDelivery(in.eventId(), source)) {
            return false;
        }
        CaseFile c = CaseFile.find("noticeId", noticeId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (c == null) {
            throw ProblemException.notFound("公示");
        }
        NoticeObjection o = new NoticeObjection();
        o.id = UUID.randomUUID();
        o.caseId = c.id;
        o.noticeId = noticeId;
        o.receivedAt = in.receivedAt();
        o.recordedAt = OffsetDateTime.now(clock);
        o.nameEnc = blank(in.name()) ? null : cipher.encrypt(in.name().strip(), NoticeObjection.at(NoticeObjection.NAME, o.id));
        o.contactEnc = blank(in.contact()) ? null
                : cipher.encrypt(in.contact().strip(), NoticeObjection.at(NoticeObjection.CONTACT, o.id));
        o.textEnc = cipher.encrypt(in.text().strip(), NoticeObjection.at(NoticeObjection.TEXT, o.id));
        o.source = source;
        o.outcome = c.status == CaseStatus.PUBLIC_NOTICE ? REINVESTIGATION : KEPT;
        o.persist();
        if (c.status == CaseStatus.PUBLIC_NOTICE) {
            actions.objectionFromPublic(c, REASON, source, Roles.FILE_OBJECTIONS);
        } else {
            // filed while the withdrawal was on its way (another objection, a decision): kept with the case for
            // the reviewer, without a step the state does not allow
            audit.record(source, Roles.FILE_OBJECTIONS, "LATE_OBJECTION", c.id, c.divisionCode, "notice " + noticeId);
        }
        return true;
    }

    /**
     * The objections of a case in the caller's scope (404 otherwise), oldest first; the read is audited
     * ({@code READ_OBJECTIONS}): the text is the resident's and may carry personal data. Never the objector's
     * name or contact.
     */
    @Transactional
    public List<ObjectionView> of(UUID caseId) {
        CaseFile c = queries.inScope(caseId);
        List<NoticeObjection> found = NoticeObjection.list("caseId = ?1 order by receivedAt, id", c.id);
        audit.record(scope, "READ_OBJECTIONS", c.id, c.divisionCode, found.size() + " objection(s)");
        // bound to its row (V17): a text copied from another objection reads blank
        return found.stream().map(o -> new ObjectionView(o.id, o.receivedAt, o.recordedAt,
                cipher.decryptOrBlank(o.textEnc, NoticeObjection.at(NoticeObjection.TEXT, o.id)),
                o.nameEnc != null || o.contactEnc != null, o.outcome)).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
