package cn.scanforhelp.cases.household;

import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.household.HouseholdViews.Area;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The amount an approval grants. DIBAO: the gap between the local dibao standard and the household's
 * per-capita monthly income, times the household's size (补差). TEKUN: the county's basic living standard
 * (特困人员基本生活标准). TEMPORARY: a one-off sum the reviewer enters. A reviewer may override the computed
 * amount only with a reason. The emergency aid (先行救助) is a separate sum and never changes here.
 */
@ApplicationScoped
public class Amounts {

    public enum Basis { COMPUTED, OVERRIDDEN, ENTERED }

    @Schema(description = "The amount an approval would grant, with what it is computed from")
    public record Proposal(CaseType type,
            @Schema(description = "true for DIBAO and TEKUN (paid monthly); false: a one-off payment") boolean monthly,
            @Schema(nullable = true) Area area,
            @Schema(nullable = true, format = "int32", minimum = "0", maximum = "30") Integer householdSize,
            @Schema(nullable = true, description = "DIBAO: the household's monthly income, all members")
            BigDecimal householdMonthlyIncomeYuan,
            @Schema(nullable = true) BigDecimal perCapitaMonthlyIncomeYuan,
            @Schema(nullable = true, description = "DIBAO: the dibao standard; TEKUN: the basic living standard")
            BigDecimal standardMonthlyYuan,
            @Schema(nullable = true, format = "int32", minimum = "2000", maximum = "2100") Integer standardYear,
            @Schema(nullable = true, description = "what approval grants without an override; null when it cannot"
                    + " be computed (TEMPORARY: always entered)") BigDecimal computedYuan,
            @Schema(maxLength = 200) String note,
            @Schema(nullable = true, description = "the approved amount, once approved") BigDecimal approvedYuan,
            @Schema(nullable = true) Basis basis,
            @Schema(nullable = true, maxLength = 2000, description = "why the reviewer overrode the computed amount")
            String overrideReason,
            @Schema(nullable = true, description = "先行救助 granted before the decision, a separate sum")
            BigDecimal emergencyAidYuan) {
    }

    private final FieldCipher cipher;
    private final DibaoStandards dibao;
    private final SupportStandards support;
    private final java.time.Clock clock;

    public Amounts(FieldCipher cipher, DibaoStandards dibao, SupportStandards support, java.time.Clock clock) {
        this.cipher = cipher;
        this.dibao = dibao;
        this.support = support;
        this.clock = clock;
    }

    /** True for the types whose approval is paid every month. */
    public static boolean monthly(CaseType type) {
        return type == CaseType.DIBAO || type == CaseType.TEKUN;
    }

    public Proposal proposal(CaseFile c) {
        int year = LocalDate.now(clock).getYear();
        String county = c.divisionCode.substring(0, Math.min(6, c.divisionCode.length()));
        Area area = c.area == null ? null : Area.valueOf(c.area);
        BigDecimal std = null;
        Integer stdYear = null;
        Integer size = null;
        BigDecimal income = null;
        BigDecimal perCapita = null;
        BigDecimal computed = null;
        String note;
        if (c.type == CaseType.DIBAO) {
            List<HouseholdMember> members = HouseholdMember.list("caseId", c.id);
            var s = area == null ? null : dibao.inForce(county, area, year).orElse(null);
            if (s != null) {
                std = s.monthlyYuan();
                stdYear = s.year();
            }
            if (!members.isEmpty()) {
                size = members.size();
                income = members.stream().map(this::income).reduce(BigDecimal.ZERO, BigDecimal::add);
                perCapita = income.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
            }
            if (size == null) {
                note = "未录入家庭成员和收入，无法计算补差";
            } else if (std == null) {
                note = "未配置本县低保标准，无法计算补差";
            } else {
                computed = std.subtract(perCapita).max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(size))
                        .setScale(2, RoundingMode.HALF_UP);
                note = "（低保标准 − 家庭人均月收入）× 家庭人口 = 每月低保金";
            }
        } else if (c.type == CaseType.TEKUN) {
            var s = support.inForce(county, year).orElse(null);
            if (s != null) {
                std = s.monthlyYuan();
                stdYear = s.year();
                computed = std.setScale(2, RoundingMode.HALF_UP);
                note = "特困人员基本生活标准，每月发放";
            } else {
                note = "未配置本县特困人员基本生活标准";
            }
        } else {
            note = "一次性发放，金额由审批人填写";
        }
        return new Proposal(c.type, monthly(c.type), area, size, income, perCapita, std, stdYear, computed, note,
                c.amountYuan, c.amountBasis == null ? null : Basis.valueOf(c.amountBasis),
                c.amountReasonEnc == null ? null : cipher.decryptOrBlank(c.amountReasonEnc, c.at(CaseFile.AMOUNT_REASON)),
                c.emergencyAidYuan);
    }

    /**
     * Sets the approved amount: the computed one, or the reviewer's with a reason (400 without one); 409
     * when DIBAO or TEKUN has nothing to compute from and no amount is given.
     */
    public void approve(CaseFile c, BigDecimal amount, String reason) {
        boolean hasReason = reason != null && !reason.isBlank();
        if (!monthly(c.type)) {
            if (amount != null) {
                c.amountYuan = amount;
                c.amountBasis = Basis.ENTERED.name();
                c.amountReasonEnc = hasReason ? cipher.encrypt(reason.trim(), c.at(CaseFile.AMOUNT_REASON)) : null;
            }
            return;
        }
        Proposal p = proposal(c);
        if (amount == null || p.computedYuan() != null && amount.compareTo(p.computedYuan()) == 0) {
            if (p.computedYuan() == null || p.computedYuan().signum() <= 0) {
                throw ProblemException.conflict(p.computedYuan() == null ? "amount-not-computable" : "amount-zero",
                        Map.of("caseType", c.type.name()), p.note());
            }
            c.amountYuan = p.computedYuan();
            c.amountBasis = Basis.COMPUTED.name();
            c.amountReasonEnc = null;
            return;
        }
        if (!hasReason) {
            throw ProblemException.validation(List.of(FieldError.of("amountReason", "amount-override-reason",
                    p.computedYuan() == null ? "—" : p.computedYuan().toPlainString())));
        }
        c.amountYuan = amount;
        c.amountBasis = Basis.OVERRIDDEN.name();
        c.amountReasonEnc = cipher.encrypt(reason.trim(), c.at(CaseFile.AMOUNT_REASON));
    }

    private BigDecimal income(HouseholdMember m) {
        String v = m.monthlyIncomeEnc != null ? cipher.decrypt(m.monthlyIncomeEnc, m.at(HouseholdMember.INCOME)) : null;
        return v != null ? new BigDecimal(v) : m.monthlyIncomeYuan != null ? m.monthlyIncomeYuan : BigDecimal.ZERO;
    }
}
