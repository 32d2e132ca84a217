package cn.scanforhelp.cases.sampling;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.Masking;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * Sampling checks (抽查): a district officer draws a share of a township's decided cases (APPROVED or REJECTED within a
 * period of decision dates) per assistance type, {@code sfh.sampling.share.<TYPE>} (else
 * {@code sfh.sampling.share.default}), at least one per type that has any; then records each drawn case's check.
 * Scoped like every read: a sampling outside the caller's division is 404; a township outside it cannot be drawn (403).
 */
@ApplicationScoped
public class Samplings {

    static final int MAX_PERIOD_DAYS = 366;
    static final int LIST_LIMIT = 100;

    private final EntityManager em;
    private final StaffScope scope;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final SamplingSeeds seeds;
    private final Clock clock;
    private final Config config;

    public Samplings(EntityManager em, StaffScope scope, AuditLog audit, FieldCipher cipher, SamplingSeeds seeds,
            Clock clock, Config config) {
        this.em = em;
        this.scope = scope;
        this.audit = audit;
        this.cipher = cipher;
        this.seeds = seeds;
        this.clock = clock;
        this.config = config;
    }

    /** The share of a type's decided cases a sampling draws. */
    double share(String type) {
        double s = config.getOptionalValue("sfh.sampling.share." + type, Double.class)
                .orElse(config.getOptionalValue("sfh.sampling.share.default", Double.class).orElse(0.05));
        return Math.min(1.0, Math.max(0.001, s));
    }

    @Transactional
    public SamplingViews.Details draw(SamplingRequest in) {
        if (in.to().isBefore(in.from())) {
            throw ProblemException.validation(List.of(FieldError.of("to", "sampling-period-reversed")));
        }
        if (ChronoUnit.DAYS.between(in.from(), in.to()) >= MAX_PERIOD_DAYS) {
            throw ProblemException.validation(List.of(FieldError.of("to", "sampling-period-too-long", MAX_PERIOD_DAYS)));
        }
        if (!scope.covers(in.townshipCode())) {
            throw new ProblemException(403, "sampling-township-outside-scope", in.townshipCode());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> decided = em.createNativeQuery("select id, type, status, decided_at from case_file"
                + " where division_code = ?1 and status in ('APPROVED', 'REJECTED')"
                + " and decided_at >= ?2 and decided_at < ?3")
                .setParameter(1, in.townshipCode())
                .setParameter(2, in.from().atStartOfDay(Calendars.ZONE).toOffsetDateTime())
                .setParameter(3, in.to().plusDays(1).atStartOfDay(Calendars.ZONE).toOffsetDateTime())
                .getResultList();
        if (decided.isEmpty()) {
            throw ProblemException.conflict("sampling-nothing-to-draw", Map.of(), in.from(), in.to());
        }
        Map<String, List<UUID>> byType = new TreeMap<>();
        Map<UUID, Object[]> rows = new HashMap<>();
        for (Object[] r : decided) {
            UUID id = (UUID) r[0];
            rows.put(id, r);
            byType.computeIfAbsent((String) r[1], k -> new ArrayList<>()).add(id);
        }
        Sampling s = new Sampling();
        s.id = UUID.randomUUID();
        s.divisionCode = in.townshipCode();
        s.townshipName = (String) em.createNativeQuery("select township_name from case_file where id = ?1")
                .setParameter(1, decided.get(0)[0]).getSingleResult();
        s.periodFrom = in.from();
        s.periodTo = in.to();
        s.seed = seeds.next();
        s.drawnBy = scope.user();
        s.drawnAt = OffsetDateTime.now(clock);
        s.persist();
        em.flush();
        int total = 0;
        for (Map.Entry<String, List<UUID>> e : byType.entrySet()) {
            double share = share(e.getKey());
            List<UUID> picked = Draw.pick(e.getValue(), share, s.seed, e.getKey());
            em.createNativeQuery("insert into sampling_stratum (sampling_id, case_type, population, share, drawn)"
                    + " values (?1, ?2, ?3, ?4, ?5)").setParameter(1, s.id).setParameter(2, e.getKey())
                    .setParameter(3, e.getValue().size()).setParameter(4, java.math.BigDecimal.valueOf(share))
                    .setParameter(5, picked.size()).executeUpdate();
            for (UUID id : picked) {
                Object[] r = rows.get(id);
                SampledCase c = new SampledCase();
                c.id = UUID.randomUUID();
                c.samplingId = s.id;
                c.caseId = id;
                c.caseType = (String) r[1];
                c.decision = (String) r[2];
                c.decidedAt = toOffset(r[3]);
                c.persist();
            }
            total += picked.size();
        }
        audit.record(scope, "DRAW_SAMPLING", null, s.divisionCode, "sampling " + s.id + ": " + total + " of "
                + decided.size() + " decided cases, " + s.periodFrom + " to " + s.periodTo);
        return details(s);
    }

    @Transactional
    public List<SamplingViews.Summary> list() {
        String prefix = scope.division();
        @SuppressWarnings("unchecked")
        List<Object[]> r = em.createNativeQuery("select s.id, s.division_code, s.township_name, s.period_from,"
                + " s.period_to, s.drawn_by, s.drawn_at, count(c.id), count(c.outcome),"
                + " count(c.id) filter (where c.outcome = 'PROBLEM_FOUND')"
                + " from sampling s left join sampled_case c on c.sampling_id = s.id"
                + " where s.division_code like ?1 group by s.id order by s.drawn_at desc, s.id limit " + LIST_LIMIT)
                .setParameter(1, prefix + "%").getResultList();
        return r.stream().map(o -> new SamplingViews.Summary((UUID) o[0], (String) o[1], (String) o[2],
                toDate(o[3]), toDate(o[4]), (String) o[5],
                toOffset(o[6]), ((Number) o[7]).intValue(), ((Number) o[8]).intValue(), ((Number) o[9]).intValue()))
                .toList();
    }

    @Transactional
    public SamplingViews.Details get(UUID id) {
        Sampling s = inScope(id);
        audit.record(scope, "READ_SAMPLING", null, s.divisionCode, "sampling " + s.id);
        return details(s);
    }

    @Transactional
    public SamplingViews.Details check(UUID samplingId, UUID caseId, CheckRequest in) {
        Sampling s = inScope(samplingId);
        SampledCase c = SampledCase.find("samplingId = ?1 and caseId = ?2", s.id, caseId).firstResult();
        if (c == null) {
            throw ProblemException.notFound("抽查案件");
        }
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        if (in.outcome() == CheckRequest.Outcome.PROBLEM_FOUND && note == null) {
            throw ProblemException.validation(List.of(FieldError.of("note", "sampling-problem-needs-note")));
        }
        String before = c.outcome;
        c.outcome = in.outcome().name();
        c.noteEnc = note == null ? null : cipher.encrypt(note, SampledCase.at(SampledCase.NOTE, c.id));
        c.checkedBy = scope.user();
        c.checkedAt = OffsetDateTime.now(clock);
        audit.record(scope, "CHECK_SAMPLED_CASE", c.caseId, s.divisionCode, "sampling " + s.id + ": " + c.outcome
                + (before == null ? "" : " (was " + before + ")"));
        em.flush();
        return details(s);
    }

    /** Drawn, checked and problems per township and type of the caller's scope; no personal data, no audit entry. */
    @Transactional
    public List<SamplingViews.StatsRow> statistics(String division) {
        String mine = scope.division();
        String prefix = division == null || division.isBlank() ? mine
                : division.startsWith(mine) ? division : mine.startsWith(division) ? mine : null;
        if (prefix == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> r = em.createNativeQuery("select s.division_code, max(s.township_name), c.case_type,"
                + " count(*), count(c.outcome), count(*) filter (where c.outcome = 'PROBLEM_FOUND')"
                + " from sampled_case c join sampling s on s.id = c.sampling_id where s.division_code like ?1"
                + " group by s.division_code, c.case_type order by s.division_code, c.case_type")
                .setParameter(1, prefix + "%").getResultList();
        return r.stream().map(o -> new SamplingViews.StatsRow((String) o[0], (String) o[1], (String) o[2],
                ((Number) o[3]).longValue(), ((Number) o[4]).longValue(), ((Number) o[5]).longValue())).toList();
    }

    private Sampling inScope(UUID id) {
        Sampling s = Sampling.findById(id);
        if (s == null || !scope.covers(s.divisionCode)) {
            throw ProblemException.notFound("抽查");
        }
        return s;
    }

    private SamplingViews.Details details(Sampling s) {
        @SuppressWarnings("unchecked")
        List<Object[]> strata = em.createNativeQuery("select case_type, population, share, drawn from sampling_stratum"
                + " where sampling_id = ?1 order by case_type").setParameter(1, s.id).getResultList();
        List<SampledCase> drawn = SampledCase.list("samplingId = ?1 order by caseType, decidedAt, caseId", s.id);
        Map<UUID, CaseFile> files = new HashMap<>();
        if (!drawn.isEmpty()) {
            List<CaseFile> found = CaseFile.list("id in ?1", drawn.stream().map(c -> c.caseId).toList());
            found.forEach(f -> files.put(f.id, f));
        }
        List<SamplingViews.Drawn> cases = new ArrayList<>(drawn.size());
        for (SampledCase c : drawn) {
            CaseFile f = files.get(c.caseId);
            cases.add(new SamplingViews.Drawn(c.caseId, f.trackingNumber, c.caseType, c.decision,
                    c.decidedAt.atZoneSameInstant(Calendars.ZONE).toLocalDate(),
                    Masking.name(cipher.openOrBlank(f.applicantNameEnc, f.applicantName, f.at(CaseFile.NAME))),
                    f.villageName, c.outcome,
                    c.noteEnc == null ? null : cipher.decryptOrBlank(c.noteEnc, SampledCase.at(SampledCase.NOTE, c.id)),
                    c.checkedBy, c.checkedAt));
        }
        return new SamplingViews.Details(s.id, s.divisionCode, s.townshipName, s.periodFrom, s.periodTo, s.seed,
                s.drawnBy, s.drawnAt,
                strata.stream().map(o -> new SamplingViews.Stratum((String) o[0], ((Number) o[1]).intValue(),
                        ((Number) o[2]).doubleValue(), ((Number) o[3]).intValue())).toList(),
                cases);
    }

    private static java.time.LocalDate toDate(Object o) {
        return o instanceof java.time.LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }

    private static OffsetDateTime toOffset(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atZone(Calendars.ZONE).toOffsetDateTime();
        }
        return ((java.sql.Timestamp) o).toInstant().atZone(Calendars.ZONE).toOffsetDateTime();
    }
}
