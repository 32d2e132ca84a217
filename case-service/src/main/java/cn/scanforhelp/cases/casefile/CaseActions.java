package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.events.ResidentNotices;
import cn.scanforhelp.cases.investigation.InvestigationGuards;
import cn.scanforhelp.cases.procedure.Action;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.cases.procedure.Clock;
import cn.scanforhelp.cases.procedure.Field;
import cn.scanforhelp.cases.procedure.Guard;
import cn.scanforhelp.cases.procedure.Procedure;
import cn.scanforhelp.cases.procedure.Procedure.Transition;
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
    private final InvestigationGuards investigations;

    public CaseActions(StaffScope scope, Deadlines deadlines, AuditLog audit, ResidentNotices notices,
            Referrals referrals, java.time.Clock clock, InvestigationGuards investigations) {
        this.clock = clock;
        this.investigations = investigations;
        this.scope = scope;
        this.deadlines = deadlines;
        this.audit = audit;
        this.notices = notices;
        this.referrals = referrals;
    }

    /** What the caller may do now: the table's rows for the state and type, by role and guard. */
    public List<Action> allowed(CaseFile c) {
        return Procedure.rows().stream()
                .filter(r -> r.from() == c.status && r.types().contains(c.type))
                .filter(r -> r.roles().stream().anyMatch(scope::hasRole))
                .filter(r -> guardHolds(r.guard(), c))
                .map(Transition::action).distinct().sorted().toList();
    }

    boolean guardHolds(Guard g, CaseFile c) {
        return switch (g) {
            case NONE -> true;
            case NOT_YET_EXTENDED -> !c.extended;
            case NO_EMERGENCY_AID_YET -> c.emergencyAidAt == null;
            case NOTICE_ENDED -> deadlines.noticeEnded(c);
            case INVESTIGATION_RECORDED -> investigations.recorded(c);
            case FOUR_EYES -> investigations.fourEyes(c, scope.user());
            case NOTICE_ENDED_AND_FOUR_EYES -> deadlines.noticeEnded(c) && investigations.fourEyes(c, scope.user());
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
        CaseFile c = lockForChange(id, ifMatch);
        Transition row = Procedure.find(c.status, c.type, req.action())
                .orElseThrow(() -> refused("action-not-allowed", c, req.action()));
        if (row.roles().stream().noneMatch(scope::hasRole)) {
            throw new ProblemException(403, "forbidden");
        }
        if (!guardHolds(row.guard(), c)) {
            // the refusal names the rule that failed (of a combined guard, the first)
            Guard failed = row.guard().parts().stream().filter(p -> !guardHolds(p, c)).findFirst().orElse(row.guard());
            throw refused("action-guard-" + failed.name().toLowerCase().replace('_', '-'), c, req.action())
                    .withExtensions(Map.of("rule", failed.name()));
        }
        validate(row, c, req);
        apply(c, row, req);
        return c;
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

    private void apply(CaseFile c, Transition row, ActionRequest req) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        CaseStatus from = c.status;
        switch (req.action()) {
            case CLASSIFY -> c.type = req.type();
            case NOT_ACCEPT, REJECT, EXTEND, RECORD_OBJECTION -> c.reason = req.reason().trim();
            case REFER -> c.department = req.department().trim();
            case RECORD_REFERRAL_OUTCOME -> c.referralOutcome = req.outcome().trim();
            case GRANT_EMERGENCY_AID -> {
                c.emergencyAidAt = now;
                c.amountYuan = req.amount();
            }
            case APPROVE -> {
                if (req.amount() != null) {
                    c.amountYuan = req.amount();
                }
            }
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
        s.actor = scope.user();
        s.at = now;
        s.note = req.note();
        s.details = details(row, req);
        s.persist();
        audit.record(scope, "ACTION", c.id, c.divisionCode, req.action().name() + " " + from + " → " + c.status);
        if (row.event() != null) {
            notices.tell(c, row.event(), new ResidentNotices.Extras(req.reasonCategory(),
                    req.action() == Action.REQUEST_MATERIALS ? req.materials() : null,
                    req.action() == Action.REFER ? c.department : null,
                    req.action() == Action.APPROVE || req.action() == Action.GRANT_EMERGENCY_AID ? c.amountYuan : null));
        }
        if (from != c.status) {
            notices.status(c);
        }
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
