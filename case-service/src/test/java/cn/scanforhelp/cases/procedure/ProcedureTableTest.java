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

    /** The README shows the table exactly as the code has it; regenerate with -Dprocedure.readme=true. */
    @Test
    void theReadmeShowsTheTable() throws Exception {
        String table = markdown();
        java.nio.file.Path out = java.nio.file.Path.of("target", "procedure-table.md");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, table);
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        assertTrue(readme.contains(table), "README.md does not show the current procedure table: see " + out);
    }

    static String markdown() {
        StringBuilder sb = new StringBuilder(
                "| state | action | case types | roles | required fields | condition | next state | clocks | resident hears |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n");
        for (var r : Procedure.rows()) {
            String types = r.types().equals(CaseType.ALL) ? "all"
                    : r.types().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
            sb.append("| ").append(r.from()).append(" | **").append(r.action()).append("** | ").append(types)
                    .append(" | ").append(String.join(", ", new java.util.TreeSet<>(r.roles()))).append(" | ")
                    .append(r.fields().stream().map(f -> "`" + f.json + "`").collect(java.util.stream.Collectors.joining(", ")))
                    .append(" | ").append(r.guards().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(" + "))).append(" | ")
                    .append(r.to() == null ? "(stays)" : r.to().name()).append(" | ")
                    .append(r.clock().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", ")))
                    .append(" | ").append(r.event() == null ? "" : r.event().name()).append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void closedIsFinal() {
        for (CaseType t : CaseType.values()) {
            assertTrue(Procedure.actions(CaseStatus.CLOSED, t).isEmpty());
        }
    }
}
