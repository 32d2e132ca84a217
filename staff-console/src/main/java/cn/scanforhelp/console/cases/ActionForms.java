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

    /** The amount and its reason, which an APPROVE form of a monthly type carries besides its row's fields. */
    static final java.util.List<ProcedureDoc.FieldDoc> AMOUNT_FIELDS = java.util.List.of(
            new ProcedureDoc.FieldDoc("amount", null, "decimal", false, null, null, null, null, null),
            new ProcedureDoc.FieldDoc("amountReason", null, "longtext", false, 2000, null, null, null, null));

    /** The fields the console added to this form (the amount of an APPROVE form that showed it). */
    static java.util.List<ProcedureDoc.FieldDoc> added(String action,
            jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        return "APPROVE".equals(action) && form.containsKey("amountReason") ? AMOUNT_FIELDS : java.util.List.of();
    }

    static Map<String, Object> body(String action, ProcedureDoc.RuleDoc rule, Map<String, String> form) {
        return body(action, rule, form, java.util.List.of());
    }

    static Map<String, Object> body(String action, ProcedureDoc.RuleDoc rule, Map<String, String> form,
            java.util.List<ProcedureDoc.FieldDoc> added) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        java.util.List<ProcedureDoc.FieldDoc> fields = new java.util.ArrayList<>(rule.fields());
        added.stream().filter(a -> fields.stream().noneMatch(f -> f.name().equals(a.name()))).forEach(fields::add);
        for (ProcedureDoc.FieldDoc f : fields) {
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
