package cn.scanforhelp.cases.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table itself: unambiguous, and every type can reach a decision or a referral and be closed. */
class ProcedureTableTest {

    @Test
    void atMostOneRowPerStateTypeAndAction() {
        Set<String> seen = new HashSet<>();
        for (var r : Procedure.rows()) {
            for (CaseType t : r.types()) {
                assertTrue(seen.add(r.from() + "/" + t + "/" + r.action()), "ambiguous: " + r);
            }
        }
    }

    @Test
    void everyTypeCanReachClosedFromReceived() {
        for (CaseType t : CaseType.values()) {
            if (t == CaseType.UNCLASSIFIED) {
                continue;
            }
            Set<CaseStatus> reached = new HashSet<>(Set.of(CaseStatus.RECEIVED));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (var r : Procedure.rows()) {
                    if (r.types().contains(t) && reached.contains(r.from()) && reached.add(r.target())) {
                        grew = true;
                    }
                }
            }
            assertTrue(reached.contains(CaseStatus.CLOSED), t + " cannot be closed");
        }
    }

    @Test
    void onlyNoticedTypesHaveAPublicNoticeAndTemporaryIsApprovedWithoutOne() {
        assertTrue(Procedure.find(CaseStatus.REVIEW, CaseType.DIBAO, Action.START_PUBLIC_NOTICE).isPresent());
        assertFalse(Procedure.find(CaseStatus.REVIEW, CaseType.TEMPORARY, Action.START_PUBLIC_NOTICE).isPresent());
        assertFalse(Procedure.find(CaseStatus.REVIEW, CaseType.DIBAO, Action.APPROVE).isPresent());
        assertEquals(Set.of(Field.AMOUNT),
                Procedure.find(CaseStatus.REVIEW, CaseType.TEMPORARY, Action.APPROVE).orElseThrow().fields());
    }

    @Test
    void closedIsFinal() {
        for (CaseType t : CaseType.values()) {
            assertTrue(Procedure.actions(CaseStatus.CLOSED, t).isEmpty());
        }
    }
}
