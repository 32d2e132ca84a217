package cn.scanforhelp.cases.casefile;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a reviewer needs the full personal data: it goes into the audit entry of the reveal. */
@Schema(description = "The reason for showing the applicant's full personal data (recorded in the audit trail)")
public record RevealRequest(
        @Size(max = 500) @Schema(required = true, maxLength = 500, example = "电话核实申请人身份")
        String reason) {
}
