package cn.scanforhelp.cases.household;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.casefile.CaseActions;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.CaseQueries;
import cn.scanforhelp.cases.casefile.CaseStep;
import cn.scanforhelp.cases.household.HouseholdViews.Area;
import cn.scanforhelp.cases.household.HouseholdViews.AssetIn;
import cn.scanforhelp.cases.household.HouseholdViews.Household;
import cn.scanforhelp.cases.household.HouseholdViews.HouseholdIn;
import cn.scanforhelp.cases.household.HouseholdViews.Member;
import cn.scanforhelp.cases.household.HouseholdViews.MemberIn;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.Masking;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Members, incomes and assets of a case's household, and the per-capita income set against the local
 * dibao standard. The comparison is a hint for the reviewer; the decision stays with the township.
 */
@ApplicationScoped
public class HouseholdService {

    private final CaseQueries queries;
    private final CaseActions actions;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final StaffScope scope;
    private final DibaoStandards standards;
    private final java.time.Clock clock;
    private final Amounts amounts;

    public HouseholdService(CaseQueries queries, CaseActions actions, FieldCipher cipher, AuditLog audit,
            StaffScope scope, DibaoStandards standards, java.time.Clock clock, Amounts amounts) {
        this.clock = clock;
        this.amounts = amounts;
        this.standards = standards;
        this.queries = queries;
        this.actions = actions;
        this.cipher = cipher;
        this.audit = audit;
        this.scope = scope;
    }

    @Transactional
    public Household get(UUID caseId) {
        CaseFile c = queries.inScope(caseId);
        audit.record(scope, "READ_HOUSEHOLD", c.id, c.divisionCode, null);
        return view(c);
    }

    /** The amount an approval would grant and its inputs (income: personal, so the read is audited). */
    @Transactional
    public Amounts.Proposal amount(UUID caseId) {
        CaseFile c = queries.inScope(caseId);
        audit.record(scope, "READ_AMOUNT", c.id, c.divisionCode, null);
        return amounts.proposal(c);
    }

    @Transactional
    public CaseFile put(UUID caseId, String ifMatch, HouseholdIn in) {
        CaseFile c = actions.lockForChange(caseId, ifMatch);
        if (c.status.decided()) {
            throw ProblemException.conflict("household-after-decision", Map.of("state", c.status.name()),
                    c.status.name());
        }
        HouseholdMember.delete("caseId", c.id);
        HouseholdAsset.delete("caseId", c.id);
        for (MemberIn m : in.members()) {
            HouseholdMember e = new HouseholdMember();
            e.caseId = c.id;
            e.relation = m.relation().trim();
            e.idNumberHash = cipher.hash(m.idNumber());
            e.age = m.age();
            e.persist(); // the id first (identity): the values are bound to it, written at the flush
            e.nameEnc = cipher.encrypt(m.name().trim(), e.at(HouseholdMember.NAME));
            e.idNumberEnc = cipher.encrypt(m.idNumber(), e.at(HouseholdMember.ID_NUMBER));
            e.disabilityEnc = cipher.encrypt(m.disability(), e.at(HouseholdMember.DISABILITY));
            e.healthEnc = cipher.encrypt(m.health(), e.at(HouseholdMember.HEALTH));
            e.workEnc = cipher.encrypt(m.work(), e.at(HouseholdMember.WORK));
            e.monthlyIncomeEnc = cipher.encrypt(m.monthlyIncomeYuan() == null ? null : m.monthlyIncomeYuan().toPlainString(),
                    e.at(HouseholdMember.INCOME));
        }
        for (AssetIn a : in.assets() == null ? List.<AssetIn>of() : in.assets()) {
            HouseholdAsset e = new HouseholdAsset();
            e.caseId = c.id;
            e.kind = a.kind().trim();
            e.description = a.description();
            e.valueYuan = a.valueYuan();
            e.persist();
        }
        c.area = in.area().name();
        c.householdSize = in.members().size();
        c.updatedAt = OffsetDateTime.now(clock);
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.action = "RECORD_HOUSEHOLD";
        s.fromStatus = c.status.name();
        s.toStatus = c.status.name();
        s.actor = scope.user();
        s.at = c.updatedAt;
        s.details = in.members().size() + " members, " + (in.assets() == null ? 0 : in.assets().size()) + " assets";
        s.persist();
        audit.record(scope, "RECORD_HOUSEHOLD", c.id, c.divisionCode, s.details);
        return c;
    }

    Household view(CaseFile c) {
        List<HouseholdMember> members = HouseholdMember.list("caseId = ?1 order by id", c.id);
        List<HouseholdAsset> assets = HouseholdAsset.list("caseId = ?1 order by id", c.id);
        List<BigDecimal> incomes = members.stream().map(this::income).toList();
        BigDecimal income = incomes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal perCapita = members.isEmpty() ? BigDecimal.ZERO
                : income.divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.HALF_UP);
        int year = java.time.LocalDate.now(clock).getYear();
        Area area = c.area == null ? null : Area.valueOf(c.area);
        HouseholdViews.Standard std = area == null ? null : standards.inForce(
                c.divisionCode.substring(0, Math.min(6, c.divisionCode.length())), area, year).orElse(null);
        HouseholdViews.Hint hint = new HouseholdViews.Hint(perCapita, std == null ? null : std.monthlyYuan(),
                std == null ? year : std.year(), std == null || members.isEmpty() ? null
                        : perCapita.compareTo(std.monthlyYuan()) < 0,
                std == null ? "未配置本县低保标准，无法比对" : "仅供参考：人均收入与低保标准的比对不是审批决定");
        List<Member> shown = new java.util.ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            HouseholdMember m = members.get(i);
            shown.add(new Member(m.relation, Masking.name(cipher.openOrBlank(m.nameEnc, m.name, m.at(HouseholdMember.NAME))),
                    Masking.idNumber(cipher.decryptOrBlank(m.idNumberEnc, m.at(HouseholdMember.ID_NUMBER))), m.age,
                    cipher.openOrBlank(m.disabilityEnc, m.disability, m.at(HouseholdMember.DISABILITY)),
                    cipher.openOrBlank(m.healthEnc, m.health, m.at(HouseholdMember.HEALTH)),
                    cipher.openOrBlank(m.workEnc, m.work, m.at(HouseholdMember.WORK)), incomes.get(i)));
        }
        return new Household(area, shown,
                assets.stream().map(a -> new AssetIn(a.kind, a.description, a.valueYuan)).toList(),
                assets.stream().map(a -> a.valueYuan).reduce(BigDecimal.ZERO, BigDecimal::add), hint);
    }

    private BigDecimal income(HouseholdMember m) {
        // an income moved here from another row reads as none (blank), never as someone else's
        String v = m.monthlyIncomeEnc != null ? cipher.decryptOrBlank(m.monthlyIncomeEnc, m.at(HouseholdMember.INCOME)) : null;
        return v != null ? (v.isEmpty() ? BigDecimal.ZERO : new BigDecimal(v)) : m.monthlyIncomeYuan != null ? m.monthlyIncomeYuan : BigDecimal.ZERO;
    }
}
