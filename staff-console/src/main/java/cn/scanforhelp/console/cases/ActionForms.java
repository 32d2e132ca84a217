package cn.scanforhelp.console.cases;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a submitted action form into case-service's action body, field by field as the procedure table
 * describes them. No rule is checked here: what is missing or wrong, case-service says (400, 409).
 */
final class ActionForms {

    private ActionForms() {
    }

    static Map<String, Object> body(String action, ProcedureDoc.RuleDoc rule, Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        for (ProcedureDoc.FieldDoc f : rule.fields()) {
            String raw = form.get(f.name());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            body.put(f.name(), switch (f.type()) {
                case "list" -> Arrays.stream(raw.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                case "decimal" -> decimal(raw.trim());
                default -> raw.trim();
            });
        }
        return body;
    }

    /** A number when it is one; otherwise the text as typed, which case-service refuses naming the field. */
    private static Object decimal(String raw) {
        try {
            return new BigDecimal(raw.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            return raw;
        }
    }
}
