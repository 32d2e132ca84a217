package cn.scanforhelp.cases.procedure;

import static cn.scanforhelp.cases.procedure.Action.*;
import static cn.scanforhelp.cases.procedure.CaseStatus.*;
import static cn.scanforhelp.cases.procedure.Clock.Kind.ACCEPTANCE;
import static cn.scanforhelp.cases.procedure.Clock.Kind.DECISION;
import static cn.scanforhelp.cases.procedure.Clock.Kind.EMERGENCY_AID;
import static cn.scanforhelp.cases.procedure.Clock.Kind.PUBLIC_NOTICE;
import static cn.scanforhelp.cases.procedure.Clock.extend;
import static cn.scanforhelp.cases.procedure.Clock.pause;
import static cn.scanforhelp.cases.procedure.Clock.resume;
import static cn.scanforhelp.cases.procedure.Clock.start;
import static cn.scanforhelp.cases.procedure.Clock.stop;

import cn.scanforhelp.infra.security.Roles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The statutory procedure as one table. Each row reads: in state S, for cases of types T, a member of
 * roles R may take action A, giving fields F; the case goes to state S' (or stays), the clocks change,
 * and the resident hears event E. Whatever is not a row is refused (409).
 *
 * <p>Deadline lengths are configuration ({@code sfh.deadlines.*}), not part of the table.
 */
public final class Procedure {

    /**
     * One row. {@code to == null} means the case stays in its state. {@code guards} are checked in their order;
     * a refusal names the first that fails.
     */
    public record Transition(CaseStatus from, Action action, CaseStatus to, Set<CaseType> types, Set<String> roles,
            Set<Field> fields, List<Guard> guards, List<Clock.Change> clock, ResidentEvent event) {

        public CaseStatus target() {
            return to == null ? from : to;
        }
    }

    private static final Set<String> STAFF = Set.of(Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER);
    private static final Set<CaseType> ALL = CaseType.ALL;
    private static final Set<CaseType> DECIDED = CaseType.DECIDED;
    private static final Set<CaseType> NOTICED = CaseType.NOTICED;
    private static final Set<CaseType> REFERRED_TYPES = CaseType.REFERRED;
    private static final Set<CaseType> TEMPORARY_ONLY = EnumSet.of(CaseType.TEMPORARY);
    private static final Set<CaseType> INVESTIGATED = EnumSet.of(CaseType.DIBAO, CaseType.TEKUN, CaseType.TEMPORARY,
            CaseType.VERIFICATION);
    private static final Set<CaseType> VERIFICATION_ONLY = EnumSet.of(CaseType.VERIFICATION);
    private static final List<Clock.Change> STOP_ALL = List.of(stop(ACCEPTANCE), stop(DECISION), stop(EMERGENCY_AID),
            stop(PUBLIC_NOTICE));

    private static final List<Transition> ROWS = new ArrayList<>();

    static {
        // 受理: accept, ask for all missing materials at once (the clock pauses), or refuse with a reason
        row(RECEIVED, ACCEPT, INVESTIGATION, ALL, none(), List.of(stop(ACCEPTANCE), start(DECISION)),
                ResidentEvent.ACCEPTED);
        row(RECEIVED, REQUEST_MATERIALS, MATERIALS_REQUESTED, ALL, fields(Field.MATERIALS),
                List.of(pause(ACCEPTANCE)), ResidentEvent.MATERIALS_REQUESTED);
        row(MATERIALS_REQUESTED, RECEIVE_MATERIALS, RECEIVED, ALL, none(), List.of(resume(ACCEPTANCE)), null);
        for (CaseStatus s : List.of(RECEIVED, MATERIALS_REQUESTED)) {
            row(s, NOT_ACCEPT, NOT_ACCEPTED, ALL, fields(Field.REASON),
                    List.of(stop(ACCEPTANCE), stop(EMERGENCY_AID)), ResidentEvent.NOT_ACCEPTED);
        }
        // classification: any time before the decision (not during a notice, which is for one type)
        for (CaseStatus s : List.of(RECEIVED, MATERIALS_REQUESTED, INVESTIGATION, REVIEW)) {
            row(s, CLASSIFY, null, ALL, fields(Field.TYPE), List.of(), null);
        }
        // 先行救助: emergency aid first, paperwork after; once
        for (CaseStatus s : List.of(RECEIVED, MATERIALS_REQUESTED, INVESTIGATION, REVIEW)) {
            row(s, GRANT_EMERGENCY_AID, null, ALL, fields(Field.AMOUNT), when(Guard.NO_EMERGENCY_AID_YET),
                    List.of(stop(EMERGENCY_AID)), ResidentEvent.EMERGENCY_AID);
        }
        // 入户调查 and 家庭经济状况核对 on record, then the township's review
        row(INVESTIGATION, COMPLETE_INVESTIGATION, REVIEW, INVESTIGATED, none(), when(Guard.INVESTIGATION_RECORDED),
                List.of(), null);
        // 公示: 7 calendar days; an objection reopens the investigation
        row(REVIEW, START_PUBLIC_NOTICE, CaseStatus.PUBLIC_NOTICE, NOTICED, none(), List.of(start(PUBLIC_NOTICE)),
                ResidentEvent.PUBLIC_NOTICE);
        row(CaseStatus.PUBLIC_NOTICE, RECORD_OBJECTION, INVESTIGATION, NOTICED, fields(Field.REASON),
                List.of(stop(PUBLIC_NOTICE)), ResidentEvent.OBJECTION_RECORDED);
        // the decision: DIBAO and TEKUN after the notice, TEMPORARY without one; four eyes: the decider
        // investigated none of the case's visits
        row(CaseStatus.PUBLIC_NOTICE, APPROVE, APPROVED, NOTICED, none(), when(Guard.NOTICE_ENDED, Guard.FOUR_EYES),
                List.of(stop(DECISION), stop(PUBLIC_NOTICE), stop(EMERGENCY_AID)), ResidentEvent.APPROVED);
        row(REVIEW, APPROVE, APPROVED, TEMPORARY_ONLY, fields(Field.AMOUNT), when(Guard.FOUR_EYES),
                List.of(stop(DECISION), stop(EMERGENCY_AID)), ResidentEvent.APPROVED);
        row(REVIEW, REJECT, REJECTED, DECIDED, fields(Field.REASON), when(Guard.FOUR_EYES),
                List.of(stop(DECISION), stop(EMERGENCY_AID)), ResidentEvent.REJECTED);
        row(CaseStatus.PUBLIC_NOTICE, REJECT, REJECTED, NOTICED, fields(Field.REASON), when(Guard.FOUR_EYES),
                List.of(stop(DECISION), stop(PUBLIC_NOTICE), stop(EMERGENCY_AID)), ResidentEvent.REJECTED);
        // 延期: once, with a recorded reason
        for (CaseStatus s : List.of(INVESTIGATION, REVIEW, CaseStatus.PUBLIC_NOTICE)) {
            row(s, EXTEND, null, NOTICED, fields(Field.REASON), when(Guard.NOT_YET_EXTENDED),
                    List.of(extend(DECISION)), ResidentEvent.EXTENDED);
        }
        // 转办: the other types go to the responsible department, whose answer closes the case
        for (CaseStatus s : List.of(INVESTIGATION, REVIEW)) {
            row(s, REFER, REFERRED, REFERRED_TYPES, fields(Field.DEPARTMENT),
                    List.of(stop(DECISION), stop(EMERGENCY_AID)), ResidentEvent.REFERRED);
        }
        row(REFERRED, RECORD_REFERRAL_OUTCOME, CLOSED, REFERRED_TYPES, fields(Field.OUTCOME),
                when(Guard.ALL_REFERRALS_DONE), List.of(), ResidentEvent.CLOSED);
        // the applicant withdraws, at any time before the decision
        for (CaseStatus s : List.of(RECEIVED, MATERIALS_REQUESTED, INVESTIGATION, REVIEW, CaseStatus.PUBLIC_NOTICE)) {
            row(s, WITHDRAW, WITHDRAWN, ALL, none(), STOP_ALL, ResidentEvent.WITHDRAWN);
        }
        // filing away
        for (CaseStatus s : List.of(APPROVED, REJECTED, NOT_ACCEPTED, WITHDRAWN)) {
            row(s, CLOSE, CLOSED, ALL, none(), List.of(), ResidentEvent.CLOSED);
        }
        // a verification visit that found nothing to act on
        row(REVIEW, CLOSE, CLOSED, VERIFICATION_ONLY, none(), STOP_ALL, ResidentEvent.CLOSED);
        // 移交: to another township of the area before the decision; the clocks run on (no restart, no pause)
        for (CaseStatus s : List.of(RECEIVED, MATERIALS_REQUESTED, INVESTIGATION, REVIEW)) {
            row(s, TRANSFER, null, ALL, fields(Field.TARGET_DIVISION, Field.REASON), List.of(),
                    ResidentEvent.TRANSFERRED);
        }
    }

    private Procedure() {
    }

    private static void row(CaseStatus from, Action a, CaseStatus to, Set<CaseType> types, Set<Field> fields,
            List<Clock.Change> clock, ResidentEvent event) {
        row(from, a, to, types, fields, List.of(), clock, event);
    }

    private static void row(CaseStatus from, Action a, CaseStatus to, Set<CaseType> types, Set<Field> fields,
            List<Guard> guards, List<Clock.Change> clock, ResidentEvent event) {
        ROWS.add(new Transition(from, a, to, Collections.unmodifiableSet(EnumSet.copyOf(types)), STAFF, fields, guards,
                List.copyOf(clock), event));
    }

    /** The conditions of a row, in the order they are checked. */
    private static List<Guard> when(Guard... guards) {
        return List.of(guards);
    }

    private static Set<Field> none() {
        return Set.of();
    }

    private static Set<Field> fields(Field... f) {
        return Collections.unmodifiableSet(EnumSet.of(f[0], f));
    }

    /** Every row, in the order written above. */
    public static List<Transition> rows() {
        return Collections.unmodifiableList(ROWS);
    }

    /** The row for this action on a case of this type in this state, if there is one. */
    public static Optional<Transition> find(CaseStatus state, CaseType type, Action action) {
        return ROWS.stream().filter(r -> r.from() == state && r.action() == action && r.types().contains(type))
                .findFirst();
    }

    /** The actions the table allows in this state for this type (guards and roles not yet applied). */
    public static List<Action> actions(CaseStatus state, CaseType type) {
        return ROWS.stream().filter(r -> r.from() == state && r.types().contains(type)).map(Transition::action)
                .distinct().sorted().toList();
    }
}
