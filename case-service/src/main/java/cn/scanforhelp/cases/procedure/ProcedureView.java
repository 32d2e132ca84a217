package cn.scanforhelp.cases.procedure;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The procedure table as published to front ends ({@code GET /api/v1/procedure}). */
public final class ProcedureView {

    private ProcedureView() {
    }

    @Schema(description = "The whole procedure: every action with its labels and the rows that allow it")
    public record Table(@Schema(maxItems = 32) List<ActionView> actions,
            @Schema(description = "labels of the states, by locale (zh-CN, en)") Map<String, Labels> states,
            @Schema(description = "labels of the case types, by locale (zh-CN, en)") Map<String, Labels> types,
            @Schema(description = "labels of the history's steps that are not actions (RECEIVE, LINK_DUPLICATE, "
                    + "RECORD_HOUSEHOLD, ESCALATE, CONFIRM_LINK)") Map<String, Labels> steps) {
    }

    @Schema(description = "A label in Chinese (the default) and English")
    public record Labels(@Schema(maxLength = 100, example = "受理") String zh,
            @Schema(maxLength = 100, example = "Accept") String en) {
    }

    @Schema(description = "One action of the procedure")
    public record ActionView(@Schema(maxLength = 32, example = "REQUEST_MATERIALS") String name, Labels label,
            @Schema(maxItems = 64, description = "the rows of the table for this action") List<RuleView> rules) {
    }

    @Schema(description = "One row: in state `from`, for these case types, these roles may act, giving these fields")
    public record RuleView(@Schema(maxLength = 24) String from,
            @Schema(maxLength = 24, description = "the next state; equal to from when the case stays") String to,
            @Schema(maxItems = 16) List<@Size(max = 16) String> caseTypes,
            @Schema(maxItems = 8) List<@Size(max = 64) String> roles,
            @Schema(maxItems = 8, description = "the body's fields (note is always optional)") List<FieldView> fields,
            @Schema(maxItems = 6, description = "conditions beyond the state, checked in this order (a refusal names "
                    + "the first that fails): NOT_YET_EXTENDED, NO_EMERGENCY_AID_YET, NOTICE_ENDED, ALL_REFERRALS_DONE, "
                    + "INVESTIGATION_RECORDED, FOUR_EYES") List<@Size(max = 32) String> guards,
            @Schema(maxItems = 8, description = "what it does to the clocks, e.g. STOP ACCEPTANCE") List<ClockView> clocks,
            @Schema(maxLength = 32, nullable = true, description = "what the resident hears (SMS event)") String residentEvent) {
    }

    @Schema(description = "What an action does to one statutory clock")
    public record ClockView(@Schema(maxLength = 8, example = "PAUSE") String effect,
            @Schema(maxLength = 16, example = "ACCEPTANCE") String clock) {
    }

    @Schema(description = "A field of an action's body, with the limits the server checks")
    public record FieldView(@Schema(maxLength = 32, example = "materials") String name, Labels label,
            @Schema(maxLength = 8, description = "text (one line), longtext, list (of text), enum, decimal") String type,
            boolean required,
            @Schema(nullable = true, format = "int32", minimum = "1", maximum = "4000") Integer maxLength,
            @Schema(nullable = true, format = "int32", minimum = "1", maximum = "100") Integer maxItems,
            @Schema(nullable = true, maxLength = 16) String min, @Schema(nullable = true, maxLength = 16) String max,
            @Schema(maxItems = 32, description = "the allowed values of an enum field") List<Option> options) {
    }

    @Schema(description = "An allowed value and its label")
    public record Option(@Schema(maxLength = 100) String value, Labels label) {
    }
}
