package cn.scanforhelp.cases.sampling;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of checking one drawn case. */
@Schema(name = "SamplingCheckRequest", description = "CONFIRMED (the decision holds) or PROBLEM_FOUND (a note says what)")
public record CheckRequest(
        @NotNull @Schema(required = true, implementation = Outcome.class, example = "PROBLEM_FOUND") Outcome outcome,
        @Size(max = SamplingViews.NOTE_MAX) @Schema(maxLength = SamplingViews.NOTE_MAX, nullable = true,
                description = "required with PROBLEM_FOUND", example = "家庭收入核算漏计转移性收入")
        String note) {

    @Schema(name = "SamplingOutcome", enumeration = {"CONFIRMED", "PROBLEM_FOUND"})
    public enum Outcome {
        CONFIRMED, PROBLEM_FOUND
    }
}
