package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.infra.security.StaffScope;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue's cases, with the queue's filters and order, as rows for a file: at most {@link #MAX_ROWS}, names
 * masked as in the queue. The export is audited ({@code EXPORT}) with the filters used, never a searched text.
 */
@ApplicationScoped
public class CaseListExport {

    /** Rows in one file; beyond, the file says it holds the first ones only. */
    public static final int MAX_ROWS = 10_000;

    private final CaseQueries queries;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final StaffScope scope;

    public CaseListExport(CaseQueries queries, Deadlines deadlines, AuditLog audit, StaffScope scope) {
        this.queries = queries;
        this.deadlines = deadlines;
        this.audit = audit;
        this.scope = scope;
    }

    /** The rows, and whether more cases matched than the file holds. */
    public record Rows(List<Views.CaseSummary> rows, boolean truncated) {
    }

    @Transactional
    public Rows rows(CaseQueries.Filter f, String format) {
        String prefix = queries.prefix(f.division());
        List<Views.CaseSummary> out = new ArrayList<>();
        boolean truncated = false;
        if (prefix != null) {
            LocalDate today = deadlines.today();
            CaseQueries.Where w = queries.where(f, prefix, today);
            List<CaseFile> found = CaseFile.<CaseFile>find(w.query().toString(),
                    Sort.by("nextDueOn", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("receivedAt")
                            .and("id"), w.parameters()).range(0, MAX_ROWS).list();
            truncated = found.size() > MAX_ROWS;
            for (CaseFile c : truncated ? found.subList(0, MAX_ROWS) : found) {
                out.add(queries.summary(c, today, deadlines.workingDaysLeft(c.nextDueOn, today)));
            }
        }
        audit.record(scope, "EXPORT", null, prefix == null ? scope.division() : prefix,
                "case list " + format + ", " + out.size() + " rows" + (truncated ? " (the first " + MAX_ROWS + ")" : "")
                        + filters(f));
        return new Rows(out, truncated);
    }

    /** The filters as the audit entry names them: a searched text (maybe a name) only as "text". */
    static String filters(CaseQueries.Filter f) {
        List<String> used = new ArrayList<>();
        if (f.status() != null) {
            used.add("status=" + f.status());
        }
        if (f.type() != null) {
            used.add("type=" + f.type());
        }
        if (f.channel() != null) {
            used.add("channel=" + f.channel());
        }
        if (f.deadlineState() != null) {
            used.add("deadlineState=" + f.deadlineState());
        }
        if (f.division() != null) {
            used.add("division=" + f.division());
        }
        if (f.escalated() != null) {
            used.add("escalated=" + f.escalated());
        }
        if (f.possibleDuplicate() != null) {
            used.add("possibleDuplicate=" + f.possibleDuplicate());
        }
        if (f.text() != null && !f.text().isBlank()) {
            used.add("text");
        }
        return used.isEmpty() ? "" : "; filters: " + String.join(", ", used);
    }
}
