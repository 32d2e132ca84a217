package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.events.ResidentNotices;
import cn.scanforhelp.cases.notice.PublicNotices;
import cn.scanforhelp.cases.household.Amounts;
import cn.scanforhelp.cases.investigation.InvestigationGuards;
import cn.scanforhelp.cases.procedure.Action;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.cases.procedure.Clock;
import cn.scanforhelp.cases.procedure.Field;
import cn.scanforhelp.cases.procedure.Guard;
import cn.scanforhelp.cases.procedure.Procedure;
import cn.scanforhelp.cases.procedure.Procedure.Transition;
import cn.scanforhelp.cases.referral.ReferralTasks;
import cn.scanforhelp.cases.transfer.Townships;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Takes one step of the procedure on a case: the table decides, this class carries it out. */
@ApplicationScoped
public class CaseActions {

    private final StaffScope scope;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final ResidentNotices notices;
    private final Referrals referrals;
    private final java.time.Clock clock;
    private final ReferralTasks referralTasks;
    private final Townships townships;
    private final PublicNotices publicNotices;
    private final Amounts amounts;
    private final InvestigationGuards investigations;

    public CaseActions(StaffScope scope, Deadlines deadlines, AuditLog audit, ResidentNotices notices,
            Referrals referrals, java.time.Clock clock, ReferralTasks referralTasks, Townships townships,
            PublicNotices publicNotices, Amounts amounts, InvestigationGuards investigations) {
        this.clock = clock;
        this.referralTasks = referralTasks;
        this.townships = townships;
        this.publicNotices = publicNotices;
        this.amounts = amounts;
        this.investigations = investigations;
        this.scope = scope;
        this.deadlines = deadlines;
        this.audit = audit;
        this.notices = notices;
        this.referrals = referrals;
    }

    /** What the caller may do now: the table's rows for the state and type, by role and guards. */
    public List<Action> allowed(CaseFile c) {
        return Procedure.rows().stream()
                .filter(r -> r.from() == c.status && r.types().contains(c.type))
                .filter(r -> r.roles().stream().anyMatch(scope::hasRole))
                .filter(r -> r.guards().stream().allMatch(g -> guardHolds(g, c)))
                .map(Transition::action).distinct().sorted().toList();
    }

    boolean guardHolds(Guard g, CaseFile c) {
        return switch (g) {
            case NOT_YET_EXTENDED -> !c.extended;
            case NO_EMERGENCY_AID_YET -> c.emergencyAidAt == null;
            case NOTICE_ENDED -> deadlines.noticeEnded(c);
            case ALL_REFERRALS_DONE -> referralTasks.allDone(c);
            case INVESTIGATION_RECORDED -> investigations.recorded(c);
            case FOUR_EYES -> investigations.fourEyes(c, scope.user());
        };
    }

    /**
     * The case, locked for the rest of the transaction, if it is in scope and {@code ifMatch} is its ETag.
     * A second reviewer with the same ETag waits for the first, then sees a new version (412).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile lockForChange(UUID id, String ifMatch) {
        CaseFile c = CaseFile.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !scope.covers(c.divisionCode)) {
            throw ProblemException.notFound("案件");
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required");
        }
        if (!ifMatch.trim().equals(c.etag()) && !ifMatch.trim().equals("W/" + c.etag())) {
            throw new ProblemException(412, "precondition-failed").withHeader("ETag", c.etag());
        }
        return c;
    }

    @Transactional
    public CaseFile act(UUID id, String ifMatch, ActionRequest req) {
        return act(id, ifMatch, req, notices::tell);
    }

    /** The step, its resident SMS handed to {@code residents} ({@link ActionRehearsal} keeps it instead of sending). */
    @Transactional(Transactional.TxType.MANDATORY)
    CaseFile act(UUID id, String ifMatch, ActionRequest req, ResidentNotices.Sink residents) {
        CaseFile c = lockForChange(id, ifMatch);
        Transition row = Procedure.find(c.status, c.type, req.action())
                .orElseThrow(() -> refused("action-not-allowed", c, req.action()));
        if (row.roles().stream().noneMatch(scope::hasRole)) {
            throw new ProblemException(403, "forbidden");
        }
        // the refusal names the first of the row's rules that fails
        Optional<Guard> failing = row.guards().stream().filter(g -> !guardHolds(g, c)).findFirst();
        if (failing.isPresent()) {
            Guard failed = failing.get();
            throw refused("action-guard-" + failed.name().toLowerCase().replace('_', '-'), c, req.action())
                    .withExtensions(Map.of("rule", failed.name()));
        }
        validate(row, c, req);
        apply(c, row, req, scope.user(), scope.roles().stream().sorted().collect(java.util.stream.Collectors.joining(",")),
                residents);
        return c;
    }

    /**
     * RECORD_OBJECTION for an objection a resident filed on the public page: the same row of the table as a
     * reviewer's, taken by the calling service ({@code actor}) instead of a staff member.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void objectionFromPublic(CaseFile c, String reason, String actor, String role) {
        Transition row = Procedure.find(c.status, c.type, Action.RECORD_OBJECTION)
                .orElseThrow(() -> refused("action-not-allowed", c, Action.RECORD_OBJECTION));
        apply(c, row, new ActionRequest(Action.RECORD_OBJECTION, null, null, null, reason, null, null, null, null),
                actor, role, notices::tell);
    }

    private ProblemException refused(String slug, CaseFile c, Action action) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("state", c.status.name());
        ext.put("caseType", c.type.name());
        ext.put("action", action.name());
        ext.put("allowedActions", allowed(c).stream().map(Enum::name).toList());
        return ProblemException.conflict(slug, ext, action.name(), c.status.name());
    }

    private void validate(Transition row, CaseFile c, ActionRequest req) {
        List<FieldError> errors = new ArrayList<>();
        for (Field f : row.fields()) {
            boolean missing = switch (f) {
                case TYPE -> req.type() == null;
                case REASON -> blank(req.reason());
                case MATERIALS -> req.materials() == null || req.materials().isEmpty()
                        || req.materials().stream().anyMatch(CaseActions::blank);
                case DEPARTMENT -> blank(req.department());
                case AMOUNT -> req.amount() == null;
                case OUTCOME -> blank(req.outcome());
                case TARGET_DIVISION -> blank(req.targetDivisionCode());
            };
            if (missing) {
                errors.add(FieldError.of(f.json, "required-for-action", req.action().name()));
            }
        }
        if (row.fields().contains(Field.TYPE) && req.type() == CaseType.UNCLASSIFIED) {
            errors.add(FieldError.of("type", "type-unclassified"));
        }
        if (row.fields().contains(Field.DEPARTMENT) && !blank(req.department())
                && !referrals.departments().contains(req.department().trim())) {
            errors.add(FieldError.of("department", "department-unknown", String.join("、", referrals.departments())));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private void apply(CaseFile c, Transition row, ActionRequest req, String actor, String roles,
            ResidentNotices.Sink residents) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        CaseStatus from = c.status;
        switch (req.action()) {
            case CLASSIFY -> c.type = req.type();
            case NOT_ACCEPT, REJECT, EXTEND, RECORD_OBJECTION -> c.reason = req.reason().trim();
            case REFER -> {
                c.department = req.department().trim();
                referralTasks.send(c, c.department, now);
            }
            case TRANSFER -> transfer(c, townships.target(c, req.targetDivisionCode().trim()));
            case RECORD_REFERRAL_OUTCOME -> {
                c.referralOutcome = req.outcome().trim();
                referralTasks.answerLast(c, c.referralOutcome, now);
            }
            case GRANT_EMERGENCY_AID -> {
                c.emergencyAidAt = now;
                c.emergencyAidYuan = req.amount(); // its own sum: the approval later does not overwrite it
            }
            case APPROVE -> amounts.approve(c, req.amount(), req.amountReason());
            case REQUEST_MATERIALS -> c.materialsDueOn = deadlines.materialsDueOn(today);
            default -> { }
        }
        if (req.action() == Action.RECORD_OBJECTION) {
            c.noticeEndsAt = null;
        }
        boolean onTime = c.nextDueOn == null || !today.isAfter(c.nextDueOn);
        for (Clock.Change change : row.clock()) {
            deadlines.apply(c, change, today);
        }
        if (req.action() == Action.CLASSIFY) {
            deadlines.reclassified(c);
        }
        c.status = row.target();
        if (c.decidedAt == null && (c.status == CaseStatus.APPROVED || c.status == CaseStatus.REJECTED
                || c.status == CaseStatus.NOT_ACCEPTED || c.status == CaseStatus.REFERRED)) {
            c.decidedAt = now;
            c.decidedOnTime = onTime;
        }
        if (c.status == CaseStatus.CLOSED) {
            c.closedAt = now;
        }
        c.updatedAt = now;
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.action = req.action().name();
        s.fromStatus = from.name();
        s.toStatus = c.status.name();
        s.actor = actor;
        s.at = now;
        s.note = req.note();
        s.details = details(row, req);
        if (req.action() == Action.APPROVE && c.amountBasis != null) {
            s.details = (s.details == null ? "" : s.details + "\n") + "approved: " + c.amountYuan + " ("
                    + c.amountBasis + ")"; // the override's reason stays encrypted on the case
        }
        s.persist();
        audit.record(actor, roles, "ACTION", c.id, c.divisionCode, req.action().name() + " " + from + " → " + c.status);
        if (row.event() != null) {
            residents.tell(c, row.event(), new ResidentNotices.Extras(req.reasonCategory(),
                    req.action() == Action.REQUEST_MATERIALS ? req.materials() : null,
                    req.action() == Action.REFER ? c.department : null,
                    req.action() == Action.APPROVE ? c.amountYuan
                            : req.action() == Action.GRANT_EMERGENCY_AID ? c.emergencyAidYuan : null, from));
        }
        if (from != c.status) {
            notices.status(c);
            publicNotices.changed(c, from);
        }
    }

    /**
     * 移交: the case moves to the township, with its clocks as they are (running, paused or stopped); the old
     * township's audit trail keeps the move, since the case leaves its scope.
     */
    private void transfer(CaseFile c, Townships.Township to) {
        String from = c.divisionCode;
        c.divisionCode = to.code();
        c.townshipName = to.name();
        c.hotline = to.hotline();
        c.villageCode = null; // the village was the old township's
        c.villageName = null;
        audit.record(scope, "TRANSFER_OUT", c.id, from, from + " → " + to.code());
    }

    private static String details(Transition row, ActionRequest req) {
        List<String> parts = new ArrayList<>();
        for (Field f : row.fields()) {
            Object v = switch (f) {
                case TYPE -> req.type();
                case REASON -> req.reason();
                case MATERIALS -> req.materials() == null ? null : String.join("；", req.materials());
                case DEPARTMENT -> req.department();
                case AMOUNT -> req.amount();
                case OUTCOME -> req.outcome();
                case TARGET_DIVISION -> req.targetDivisionCode();
            };
            parts.add(f.json + ": " + v);
        }
        String s = String.join("\n", parts);
        return s.isEmpty() ? null : s.length() > 4000 ? s.substring(0, 4000) : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
