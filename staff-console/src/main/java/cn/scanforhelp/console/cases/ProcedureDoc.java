package cn.scanforhelp.console.cases;

import java.util.List;
import java.util.Map;

/** case-service's {@code GET /api/v1/procedure}: the table the action buttons and forms are built from. */
public record ProcedureDoc(List<ActionDoc> actions, Map<String, Labels> states, Map<String, Labels> types,
        Map<String, Labels> steps) {

    public record Labels(String zh, String en) {
        public String in(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && en != null ? en : zh;
        }
    }

    public record ActionDoc(String name, Labels label, List<RuleDoc> rules) {
    }

    public record RuleDoc(String from, String to, List<String> caseTypes, List<String> roles, List<FieldDoc> fields,
            List<String> guards, List<ClockDoc> clocks, String residentEvent) {
    }

    public record ClockDoc(String effect, String clock) {
    }

    public record FieldDoc(String name, Labels label, String type, boolean required, Integer maxLength,
            Integer maxItems, String min, String max, List<Option> options) {
    }

    public record Option(String value, Labels label) {
    }
}
