package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.web.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The form of one action: exactly the fields its row of the procedure table names, with the server's messages. */
public record ActionFormView(String action, String label, String url, String leadsTo, String clocks,
        List<Field> fields, List<Error> errors, String version) {

    public record Field(String name, String id, String label, String type, boolean required, Integer maxLength,
            Integer maxItems, String min, String max, String value, List<Choice> options, String error,
            String hint, List<Choice> checklist) {

        public boolean isLongtext() { return "longtext".equals(type); }
        public boolean isList() { return "list".equals(type); }
        public boolean isEnum() { return "enum".equals(type); }
        public boolean isDecimal() { return "decimal".equals(type); }
    }

    public record Choice(String value, String label, boolean selected) {
    }

    public record Error(String fieldId, String message) {
    }

    /** A list field's checklist (ticked when its item was sent) and the free items: the other lines. */
    static final String PICK = "-pick";

    static ActionFormView of(String caseId, String action, ProcedureDoc.RuleDoc rule, ProcedureDoc doc,
            Map<String, String> values, Map<String, String> fieldErrors, List<String> usual, Locale locale, Msg m) {
        String label = doc.actions().stream().filter(a -> a.name().equals(action)).findFirst()
                .map(a -> a.label().in(locale)).orElse(action);
        List<Field> fields = new ArrayList<>();
        List<Error> errors = new ArrayList<>();
        for (ProcedureDoc.FieldDoc f : rule.fields()) {
            String id = "a-" + f.name();
            final String sent = values.getOrDefault(f.name(), "");
            String value = sent;
            List<Choice> options = f.options() == null ? List.of() : f.options().stream()
                    .map(o -> new Choice(o.value(), o.label().in(locale), o.value().equals(sent))).toList();
            String error = fieldErrors.get(f.name());
            if (error == null) {
                // a list's items come back as materials[0] …
                error = fieldErrors.entrySet().stream().filter(e -> e.getKey().startsWith(f.name() + "["))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (error != null) {
                errors.add(new Error(id, f.label().in(locale) + "：" + error));
            }
            List<Choice> checklist = List.of();
            if ("list".equals(f.type()) && !usual.isEmpty()) {
                List<String> lines = value.lines().map(String::trim).toList();
                checklist = usual.stream().map(u -> new Choice(u, u, lines.contains(u))).toList();
                value = lines.stream().filter(l -> !usual.contains(l)).collect(Collectors.joining("\n"));
            }
            fields.add(new Field(f.name(), id, f.label().in(locale), f.type(), f.required(), f.maxLength(),
                    f.maxItems(), f.min(), f.max(), value, options, error,
                    "list".equals(f.type()) ? m.materialsHint() : null, checklist));
        }
        String clocks = rule.clocks().isEmpty() ? null : m.clockEffects(rule.clocks().stream()
                .map(c -> m.clockEffect(c.effect()) + m.deadlineKind(c.clock())).collect(Collectors.joining("、")));
        String to = rule.to().equals(rule.from()) ? null : m.leadsTo(QueueView.label(doc.states(), rule.to(), locale));
        // the version the values were typed against (kept across a new sign-in), so a change made meanwhile is a 412
        String version = values.get("version");
        return new ActionFormView(action, label, "/cases/" + caseId + "/actions/" + action, to, clocks, fields, errors,
                version == null || !version.matches("[0-9]{1,18}") ? null : version);
    }
}
