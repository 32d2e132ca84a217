package cn.scanforhelp.cases.audit;

import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.StaffScope;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The audit trail searched within the caller's division: by person, case (id or any of its tracking numbers), kind
 * of entry and day (Asia/Shanghai), newest first, a page at a time. Reading the trail is not itself audited: it
 * holds no personal data.
 */
@ApplicationScoped
public class AuditSearch {

    private final StaffScope scope;

    public AuditSearch(StaffScope scope) {
        this.scope = scope;
    }

    /** All optional; {@code from} / {@code to} are days in Asia/Shanghai, inclusive. */
    public record Criteria(UUID caseId, String trackingNumber, String actor, String action, LocalDate from,
            LocalDate to) {
    }

    /** One page of entries, with each entry's case's tracking number (null for an entry of no case). */
    public record Found(List<AuditEntry> entries, Map<UUID, String> trackingNumbers, boolean hasMore) {
    }

    @Transactional
    public Found search(Criteria c, int page, int limit) {
        if (c.from() != null && c.to() != null && c.from().isAfter(c.to())) {
            throw ProblemException.validation(List.of(ProblemException.FieldError.of("from", "date-range")));
        }
        StringBuilder q = new StringBuilder("divisionCode like :prefix");
        Parameters p = Parameters.with("prefix", scope.division() + "%");
        if (c.caseId() != null) {
            q.append(" and caseId = :caseId");
            p.and("caseId", c.caseId());
        }
        if (c.trackingNumber() != null) {
            // the case's own tracking number or that of an application linked to it
            q.append(" and (caseId in (select f.id from CaseFile f where f.trackingNumber = :tn)"
                    + " or caseId in (select a.caseId from CaseApplication a where a.trackingNumber = :tn))");
            p.and("tn", c.trackingNumber().toUpperCase(Locale.ROOT));
        }
        if (c.actor() != null) {
            q.append(" and actor = :actor");
            p.and("actor", c.actor());
        }
        if (c.action() != null) {
            q.append(" and action = :action");
            p.and("action", c.action());
        }
        if (c.from() != null) {
            q.append(" and at >= :from");
            p.and("from", c.from().atStartOfDay(Calendars.ZONE).toOffsetDateTime());
        }
        if (c.to() != null) {
            q.append(" and at < :to");
            p.and("to", c.to().plusDays(1).atStartOfDay(Calendars.ZONE).toOffsetDateTime());
        }
        List<AuditEntry> rows = AuditEntry.<AuditEntry>find(q.toString(), Sort.descending("id"), p)
                .range(page * limit, page * limit + limit).list();
        boolean more = rows.size() > limit;
        List<AuditEntry> entries = more ? rows.subList(0, limit) : rows;
        return new Found(entries, trackingNumbers(entries), more);
    }

    /** The tracking numbers of the page's cases, in one statement. */
    private static Map<UUID, String> trackingNumbers(List<AuditEntry> entries) {
        Set<UUID> ids = new LinkedHashSet<>();
        entries.forEach(e -> {
            if (e.caseId != null) {
                ids.add(e.caseId);
            }
        });
        Map<UUID, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            CaseFile.<CaseFile>list("id in ?1", ids).forEach(f -> out.put(f.id, f.trackingNumber));
        }
        return out;
    }
}
