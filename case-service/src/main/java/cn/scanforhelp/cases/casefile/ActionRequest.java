package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.procedure.Action;
import cn.scanforhelp.cases.procedure.CaseType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of the procedure. Which fields an action needs is in the procedure table. */
@Schema(description = "An action on a case: the action, a note, and the action's own fields")
public record ActionRequest(
        @NotNull Action action,
        @Size(max = 2000) @Schema(maxLength = 2000, example = "已电话告知申请人") String note,
        @Schema(description = "CLASSIFY: the assistance type") CaseType type,
        @DecimalMin("0.01") @DecimalMax("1000000") @Schema(description = "APPROVE (TEMPORARY: required; DIBAO, TEKUN:"
                + " overrides the computed monthly amount), GRANT_EMERGENCY_AID: yuan",
                example = "2000", minimum = "0.01", maximum = "1000000") BigDecimal amount,
        @Size(max = 2000) @Schema(maxLength = 2000, description = "NOT_ACCEPT, REJECT, EXTEND, RECORD_OBJECTION: why")
        String reason,
        @Pattern(regexp = "[A-Z_]{1,32}") @Schema(maxLength = 32, description = "a category the SMS may name",
                example = "INCOME_ABOVE_STANDARD") String reasonCategory,
        @Size(max = 30) @Schema(maxItems = 30, description = "REQUEST_MATERIALS: every missing item at once")
        List<@Size(min = 1, max = 200) String> materials,
        @Size(max = 100) @Schema(maxLength = 100, description = "REFER: the receiving department", example = "医疗保障局")
        String department,
        @Size(max = 2000) @Schema(maxLength = 2000, description = "RECORD_REFERRAL_OUTCOME: what the department did")
        String outcome,
        @Pattern(regexp = "[0-9]{9}") @Schema(maxLength = 9, pattern = "^[0-9]{9}$",
                description = "TRANSFER: the receiving township or subdistrict of the service area", example = "620503116")
        String targetDivisionCode,
        @Size(max = 2000) @Schema(maxLength = 2000, description = "APPROVE of DIBAO or TEKUN: why the amount differs"
                + " from the computed one (required then)") String amountReason) {

    /** The request without the later fields (the form before transfers and amount overrides). */
    public ActionRequest(Action action, String note, CaseType type, BigDecimal amount, String reason,
            String reasonCategory, List<String> materials, String department, String outcome) {
        this(action, note, type, amount, reason, reasonCategory, materials, department, outcome, null, null);
    }
}
