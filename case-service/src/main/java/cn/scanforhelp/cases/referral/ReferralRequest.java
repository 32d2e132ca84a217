package cn.scanforhelp.cases.referral;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new referral of a referred case to one more department, or a referral's outcome. */
@Schema(name = "ReferralRequest", description = "department (adding a referral) or outcome (recording it done)")
public record ReferralRequest(
        @Size(max = 100) @Schema(maxLength = 100, example = "住房和城乡建设局") String department,
        @Size(max = 2000) @Schema(maxLength = 2000, example = "已纳入危房改造计划") String outcome,
        @Size(max = 2000) @Schema(maxLength = 2000, example = "电话确认") String note) {
}
