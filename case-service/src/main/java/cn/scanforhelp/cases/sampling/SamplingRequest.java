package cn.scanforhelp.cases.sampling;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new sampling: the township and the period of decision dates (Asia/Shanghai, inclusive). */
@Schema(name = "SamplingRequest", description = "The township whose decided cases are sampled, and the period of their"
        + " decision dates (inclusive, at most 366 days)")
public record SamplingRequest(
        @NotNull @Pattern(regexp = "[0-9]{9}")
        @Schema(required = true, pattern = "^[0-9]{9}$", maxLength = 9, example = "620503114",
                description = "the township's (乡镇/街道) division code") String townshipCode,
        @NotNull @Schema(required = true, type = SchemaType.STRING, format = "date", maxLength = 10,
                example = "2026-10-01") LocalDate from,
        @NotNull @Schema(required = true, type = SchemaType.STRING, format = "date", maxLength = 10,
                example = "2026-11-30") LocalDate to) {
}
