package cn.scanforhelp.cases.procedure;

import cn.scanforhelp.cases.casefile.Referrals;
import cn.scanforhelp.cases.procedure.ProcedureView.ActionView;
import cn.scanforhelp.cases.procedure.ProcedureView.ClockView;
import cn.scanforhelp.cases.procedure.ProcedureView.FieldView;
import cn.scanforhelp.cases.procedure.ProcedureView.Labels;
import cn.scanforhelp.cases.procedure.ProcedureView.Option;
import cn.scanforhelp.cases.procedure.ProcedureView.RuleView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * {@link Procedure}'s rows as a document for front ends: the console builds its buttons and forms from it
 * instead of keeping a copy. Labels come from {@code procedure*.properties}; field limits are those
 * {@code ActionRequest} validates.
 */
@ApplicationScoped
public class ProcedureTable {

    /** Steps case-service records that are not actions of the table. */
    static final List<String> STEPS = List.of("RECEIVE", "LINK_DUPLICATE", "RECORD_HOUSEHOLD", "ESCALATE",
            // referrals as tracked tasks, cases of the same person in other townships or after a decision
            "ADD_REFERRAL", "ACKNOWLEDGE_REFERRAL", "COMPLETE_REFERRAL", "ESCALATE_REFERRAL", "FLAG_DUPLICATE",
            "LINK_PREVIOUS_CASE",
            "RECORD_INVESTIGATION", "ADD_INVESTIGATION_ATTACHMENT",
            "CONFIRM_LINK");

    private final Referrals referrals;

    public ProcedureTable(Referrals referrals) {
        this.referrals = referrals;
    }

    public ProcedureView.Table table() {
        Map<Action, List<RuleView>> byAction = new LinkedHashMap<>();
        for (Action a : Action.values()) {
            byAction.put(a, new ArrayList<>());
        }
        for (Procedure.Transition r : Procedure.rows()) {
            byAction.get(r.action()).add(rule(r));
        }
        List<ActionView> actions = new ArrayList<>();
        byAction.forEach((a, rules) -> actions.add(new ActionView(a.name(), labels("action." + a.name()), rules)));
        Map<String, Labels> states = new LinkedHashMap<>();
        for (CaseStatus s : CaseStatus.values()) {
            states.put(s.name(), labels("status." + s.name()));
        }
        Map<String, Labels> types = new LinkedHashMap<>();
        for (CaseType t : CaseType.values()) {
            types.put(t.name(), labels("type." + t.name()));
        }
        Map<String, Labels> steps = new LinkedHashMap<>();
        for (String step : STEPS) {
            steps.put(step, labels("step." + step));
        }
        return new ProcedureView.Table(actions, states, types, steps);
    }

    private RuleView rule(Procedure.Transition r) {
        List<FieldView> fields = new ArrayList<>();
        for (Field f : Field.values()) { // in the enum's order, the same for every row
            if (r.fields().contains(f)) {
                fields.add(field(f));
            }
        }
        fields.add(new FieldView("note", labels("field.note"), "longtext", false, 2000, null, null, null, List.of()));
        return new RuleView(r.from().name(), r.target().name(), r.types().stream().map(Enum::name).sorted().toList(),
                r.roles().stream().sorted().toList(), fields, r.guards().stream().map(Enum::name).toList(),
                r.clock().stream().map(c -> new ClockView(c.effect().name(), c.kind().name())).toList(),
                r.event() == null ? null : r.event().name());
    }

    private FieldView field(Field f) {
        Labels label = labels("field." + f.json);
        return switch (f) {
            case TYPE -> new FieldView(f.json, label, "enum", true, null, null, null, null,
                    Arrays.stream(CaseType.values()).filter(t -> t != CaseType.UNCLASSIFIED)
                            .map(t -> new Option(t.name(), labels("type." + t.name()))).toList());
            case REASON, OUTCOME -> new FieldView(f.json, label, "longtext", true, 2000, null, null, null, List.of());
            case MATERIALS -> new FieldView(f.json, label, "list", true, 200, 30, null, null, List.of());
            case DEPARTMENT -> new FieldView(f.json, label, "enum", true, 100, null, null, null,
                    referrals.departments().stream().map(d -> new Option(d, new Labels(d, d))).toList());
            case AMOUNT -> new FieldView(f.json, label, "decimal", true, null, null, "0.01", "1000000", List.of());
            case TARGET_DIVISION -> new FieldView(f.json, label, "division", true, 9, null, null, null, List.of());
        };
    }

    private static Labels labels(String key) {
        return new Labels(text(Locale.ROOT, key), text(Locale.ENGLISH, key));
    }

    private static String text(Locale locale, String key) {
        ResourceBundle b = ResourceBundle.getBundle("procedure", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return b.containsKey(key) ? b.getString(key) : key;
    }
}
