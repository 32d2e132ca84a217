package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.cases.referral.ReferralTasks;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.Masking;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.StaffScope;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The queue, a case's details and the audited reveal, always within the caller's division. */
@ApplicationScoped
public class CaseQueries {

    private final StaffScope scope;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final CaseActions actions;
    private final RevealLimit revealLimit;
    private final ReferralTasks referralTasks;

    public CaseQueries(StaffScope scope, Deadlines deadlines, AuditLog audit, FieldCipher cipher, CaseActions actions,
            RevealLimit revealLimit, ReferralTasks referralTasks) {
        this.referralTasks = referralTasks;
        this.scope = scope;
        this.deadlines = deadlines;
        this.audit = audit;
        this.cipher = cipher;
        this.actions = actions;
        this.revealLimit = revealLimit;
    }

    /** Queue filters; all optional. */
    public record Filter(CaseStatus status, CaseType type, String channel, Deadlines.State deadlineState,
            String division, String text, Boolean escalated, Boolean possibleDuplicate) {

        public Filter(CaseStatus status, CaseType type, String channel, Deadlines.State deadlineState,
                String division, String text, Boolean escalated) {
            this(status, type, channel, deadlineState, division, text, escalated, null);
        }
    }

    /** The effective division prefix: the caller's, narrowed by a filter inside it; null when disjoint. */
    String prefix(String filterDivision) {
        String mine = scope.division();
        if (filterDivision == null || filterDivision.isBlank()) {
            return mine;
        }
        if (filterDivision.startsWith(mine)) {
            return filterDivision;
        }
        return mine.startsWith(filterDivision) ? mine : null;
    }

    @Transactional
    public Views.Page queue(Filter f, int page, int size) {
        String prefix = prefix(f.division());
        if (prefix == null) {
            return new Views.Page(List.of(), page, size, 0);
        }
        LocalDate today = deadlines.today();
        Where w = where(f, prefix, today);
        StringBuilder q = w.query();
        Parameters p = w.parameters();
        var query = CaseFile.<CaseFile>find(q.toString(),
                Sort.by("nextDueOn", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("receivedAt"), p);
        List<Views.CaseSummary> items = query.page(page, size).list().stream()
                .map(c -> summary(c, today, deadlines.workingDaysLeft(c.nextDueOn, today))).toList();
        // A short page is the last one: its position is the total. Otherwise count, but only up to COUNT_LIMIT + 1
        // rows: counting a whole district (1,000,000 cases) cost more than the page itself.
        boolean lastPage = items.size() < size && (page == 0 || !items.isEmpty());
        long total = lastPage ? (long) page * size + items.size() : countUpTo(q.toString(), p, COUNT_LIMIT + 1);
        boolean capped = !lastPage && total > COUNT_LIMIT;
        if (capped) {
            total = COUNT_LIMIT;
        }
        audit.record(scope, "LIST", null, prefix, "queue page " + page + ", " + items.size() + " of " + total
                + (capped ? "+" : ""));
        return new Views.Page(items, page, size, total, capped);
    }

    /** The queue's condition (HQL on CaseFile) and its parameters. */
    record Where(StringBuilder query, Parameters parameters) {
    }

    Where where(Filter f, String prefix, LocalDate today) {
        StringBuilder q = new StringBuilder("divisionCode like :prefix");
        Parameters p = Parameters.with("prefix", prefix + "%");
        if (f.status() != null) {
            q.append(" and status = :status");
            p.and("status", f.status());
        }
        if (f.type() != null) {
            q.append(" and type = :type");
            p.and("type", f.type());
        }
        if (f.channel() != null && !f.channel().isBlank()) {
            q.append(" and channel = :channel");
            p.and("channel", f.channel());
        }
        if (f.escalated() != null) {
            q.append(f.escalated() ? " and escalatedAt is not null" : " and escalatedAt is null");
        }
        if (f.possibleDuplicate() != null) {
            q.append(f.possibleDuplicate() ? " and id in " : " and id not in ")
                    .append("(select l.caseId from CaseLink l where l.kind = :duplicateKind)");
            p.and("duplicateKind", CaseLink.Kind.POSSIBLE_DUPLICATE);
        }
        if (f.deadlineState() != null) {
            switch (f.deadlineState()) {
                case OVERDUE, AT_RISK, ON_TRACK -> {
                    q.append(" and ").append(Deadlines.queueCondition(f.deadlineState(), "nextDueOn", "nextAtRiskOn",
                            ":today"));
                    p.and("today", today);
                }
                default -> q.append(" and nextDueOn is null");
            }
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            // names are encrypted: a name is found whole, by its keyed hash; descriptions are not searched
            q.append(" and (trackingNumber = :tn or applicantNameHash in :name or villageName like :text)");
            // the name's hash under the current and the previous hash key (rows hashed before a rotation)
            p.and("tn", t.toUpperCase(Locale.ROOT)).and("name", cipher.hashes(NameSearch.normalized(t)))
                    .and("text", "%" + t.toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(q, p);
    }

    /** The queue counts matching cases up to this many; beyond, it answers "10000+". */
    static final int COUNT_LIMIT = 10_000;

    private static long countUpTo(String where, Parameters p, int limit) {
        // HQL wants an order by before a limit in a subquery; ordering by a constant costs PostgreSQL no sort
        var count = CaseFile.getEntityManager().createQuery("select count(*) from (select 1 as one from CaseFile c"
                + " where " + where + " order by 1 limit " + limit + ")", Long.class);
        p.map().forEach(count::setParameter);
        return count.getSingleResult();
    }

    Views.CaseSummary summary(CaseFile c, LocalDate today, Integer workingDaysLeft) {
        return new Views.CaseSummary(c.id, c.trackingNumber, c.type, c.status, c.channel, c.divisionCode,
                c.townshipName, c.villageName, Masking.name(name(c)),
                c.urgent, c.receivedAt, c.nextDueOn, Deadlines.queueState(c, today), c.escalatedAt != null,
                workingDaysLeft);
    }

    /** Whether the division lies in the caller's (after a transfer, a case may no longer). */
    public boolean covers(String divisionCode) {
        return scope.covers(divisionCode);
    }

    /** The case if it exists and lies in the caller's division; 404 otherwise (the same answer for both). */
    public CaseFile inScope(UUID id) {
        CaseFile c = CaseFile.findById(id);
        if (c == null || !scope.covers(c.divisionCode)) {
            throw ProblemException.notFound("案件");
        }
        return c;
    }

    @Transactional
    public Views.CaseDetails details(UUID id) {
        CaseFile c = inScope(id);
        audit.record(scope, "READ", c.id, c.divisionCode, null);
        return details(c);
    }

    /** After an action (already audited as such): the committed state, with its new version. */
    @Transactional
    public Views.CaseDetails detailsAfterAction(UUID id) {
        return details(inScope(id));
    }

    public Views.CaseDetails details(CaseFile c) {
        LocalDate today = deadlines.today();
        List<Views.DeadlineView> dl = new ArrayList<>();
        boolean complete = true;
        for (CaseDeadline d : deadlines.of(c)) {
            boolean knows = deadlines.calendarKnows(d);
            complete &= knows || d.kind == cn.scanforhelp.cases.procedure.Clock.Kind.PUBLIC_NOTICE;
            dl.add(new Views.DeadlineView(d.kind, d.startedOn, d.dueOn, d.workingDays,
                    d.stoppedOn != null ? 0 : deadlines.workingDaysLeft(d, today), deadlines.state(d, today), knows));
        }
        List<Views.ApplicationView> apps = CaseApplication.<CaseApplication>list("caseId = ?1 order by receivedAt", c.id)
                .stream().map(a -> new Views.ApplicationView(a.applicationId, a.trackingNumber, a.channel, a.duplicate,
                        a.receivedAt, cipher.openOrBlank(a.descriptionEnc, a.description, a.descriptionAt()), a.seesCaseStatus(),
                        a.counterMaterials == null ? null : new Views.CounterView(a.recordedBy,
                                Boolean.TRUE.equals(a.counterInPerson), Boolean.TRUE.equals(a.counterIdSeen),
                                a.materialsReceived()))).toList();
        List<String> received = apps.stream().filter(a -> a.counter() != null)
                .flatMap(a -> a.counter().materialsReceived().stream()).distinct().toList();
        List<Views.StepView> history = CaseStep.<CaseStep>list("caseId = ?1 order by id", c.id).stream()
                .map(s -> new Views.StepView(s.action, s.fromStatus, s.toStatus, s.actor, s.at, s.note, s.details))
                .toList();
        boolean noticeEnded = deadlines.noticeEnded(c);
        return new Views.CaseDetails(c.id, c.version, c.trackingNumber, c.type, c.status, c.channel, c.divisionCode,
                c.townshipName, c.villageCode, c.villageName, c.hotline, Masking.name(name(c)),
                Masking.idNumber(cipher.decryptOrBlank(c.idNumberEnc, c.at(CaseFile.ID_NUMBER))),
                Masking.phone(cipher.decryptOrBlank(c.phoneEnc, c.at(CaseFile.PHONE))), c.urgent,
                c.difficulty, cipher.openOrBlank(c.descriptionEnc, c.description, c.at(CaseFile.DESCRIPTION)), c.householdSize, c.alertSource, c.alertReason, c.alertDate, c.receivedAt,
                c.decidedAt, c.noticeEndsAt, noticeEnded, c.extended, c.emergencyAidAt, c.department,
                c.referralOutcome, c.amountYuan, c.reason, c.escalatedAt, Deadlines.queueState(c, today), dl, apps,
                history, actions.allowed(c), complete, c.satisfactionRating, referralTasks.of(c.id), linked(c),
                c.emergencyAidYuan, c.amountBasis, c.materialsDueOn, received,
                c.noticeId == null ? null : Masking.noticeName(name(c)), c.phoneEnc == null ? "CALL_BACK" : "SMS");
    }

    /** The person's other cases: where they are and how far, never who (any township may see the flag). */
    private static List<Views.LinkedCaseView> linked(CaseFile c) {
        List<CaseLink> links = CaseLink.list("caseId = ?1 order by id", c.id);
        if (links.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, CaseFile> others = new java.util.HashMap<>();
        CaseFile.<CaseFile>list("id in ?1", links.stream().map(l -> l.otherCaseId).toList())
                .forEach(o -> others.put(o.id, o));
        return links.stream().map(l -> {
            CaseFile o = others.get(l.otherCaseId);
            return new Views.LinkedCaseView(o.id, l.kind, o.trackingNumber, o.divisionCode, o.townshipName, o.status,
                    o.receivedAt, l.at);
        }).toList();
    }

    /** The full values, audited; past the caller's daily limit a 429 whose refusal stays in the audit trail. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Views.Revealed reveal(UUID id, String reason) {
        CaseFile c = inScope(id);
        revealLimit.check(scope, c);
        audit.record(scope, "REVEAL", c.id, c.divisionCode, "name, ID number and phone shown in full; reason: " + reason);
        // a value moved here from another row is shown blank (and logged by its place), never as someone else's
        return new Views.Revealed(name(c), cipher.decryptOrBlank(c.idNumberEnc, c.at(CaseFile.ID_NUMBER)),
                cipher.decryptOrBlank(c.phoneEnc, c.at(CaseFile.PHONE)));
    }

    private String name(CaseFile c) {
        return cipher.openOrBlank(c.applicantNameEnc, c.applicantName, c.at(CaseFile.NAME));
    }
}
