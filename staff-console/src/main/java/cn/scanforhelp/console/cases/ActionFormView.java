package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.web.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The form of one action: exactly the fields its row of the procedure table names, with the server's messages. */
public record ActionFormView(String action, String label, String url, String leadsTo, String clocks,
        List<Field> fields, List<Error> errors, String version, AmountView amount, PreviewView preview) {

    /** APPROVE of a monthly type: what case-service computes, and from what (labels and values ready to show). */
    public record AmountView(boolean available, List<Choice> inputs, String computed, String note) {
    }

    /** The SMS the step sends, as notification-service renders it; {@code message}: why there is no text. */
    public record PreviewView(String url, String text, int parts, String message) {
    }

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
                version == null || !version.matches("[0-9]{1,18}") ? null : version, null, null);
    }

    /** The amount fields an APPROVE of a monthly type takes (the computed amount prefilled), and the computation. */
    ActionFormView withAmount(CaseApi.Amount a, Map<String, String> values, Map<String, String> fieldErrors, Msg m) {
        List<Field> all = new ArrayList<>(fields);
        List<Error> errs = new ArrayList<>(errors);
        String amountValue = values.containsKey("amount") ? values.get("amount")
                : a != null && a.computedYuan() != null ? a.computedYuan().toPlainString() : "";
        for (String[] f : List.of(new String[] {"amount", m.amountField(), "decimal", amountValue},
                new String[] {"amountReason", m.amountReasonField(), "longtext", values.getOrDefault("amountReason", "")})) {
            String error = fieldErrors.get(f[0]);
            if (error != null) {
                errs.add(new Error("a-" + f[0], f[1] + "：" + error));
            }
            all.add(new Field(f[0], "a-" + f[0], f[1], f[2], false, "longtext".equals(f[2]) ? 2000 : null, null,
                    null, null, f[3], List.of(), error, "amount".equals(f[0]) ? m.amountFieldHint() : null, List.of()));
        }
        AmountView view;
        if (a == null) {
            view = new AmountView(false, List.of(), null, m.amountUnavailable());
        } else {
            String year = a.standardYear() == null ? "—" : String.valueOf(a.standardYear());
            String standardLabel = "TEKUN".equals(a.type()) ? m.amountSupportStandard(year) : m.amountStandard(year);
            List<Choice> shown = new ArrayList<>();
            if (a.standardMonthlyYuan() != null) {
                shown.add(new Choice(m.yuan(a.standardMonthlyYuan().toPlainString()), standardLabel, false));
            }
            if (a.householdSize() != null) {
                shown.add(new Choice(String.valueOf(a.householdSize()), m.amountHouseholdSize(), false));
            }
            if (a.perCapitaMonthlyIncomeYuan() != null) {
                shown.add(new Choice(m.yuan(a.perCapitaMonthlyIncomeYuan().toPlainString()), m.amountPerCapita(), false));
            }
            view = new AmountView(true, shown,
                    a.computedYuan() == null ? null : m.yuan(a.computedYuan().toPlainString()), a.note());
        }
        return new ActionFormView(action, label, url, leadsTo, clocks, all, errs, version, view, preview);
    }

    /** The same form with one field (by name) replaced. */
    ActionFormView withField(Field replaced) {
        List<Field> all = fields.stream().map(f -> f.name().equals(replaced.name()) ? replaced : f).toList();
        return new ActionFormView(action, label, url, leadsTo, clocks, all, errors, version, amount, preview);
    }

    ActionFormView withPreview(PreviewView p) {
        return new ActionFormView(action, label, url, leadsTo, clocks, fields, errors, version, amount, p);
    }
}
