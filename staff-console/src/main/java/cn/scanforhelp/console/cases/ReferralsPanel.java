package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.web.Msg;
import java.util.List;

/**
 * The case's referrals (转办) as tasks, from case-service's {@code GET /api/v1/cases/{id}/referrals}: department,
 * sent, due, state and the department's answer, with the forms to add one, acknowledge one and mark one done.
 * Which forms are offered follows the states case-service reports; whether the step is allowed, case-service
 * decides (its 400 / 409 come back at the form's field).
 */
public record ReferralsPanel(String caseId, boolean canAdd, List<Row> rows, String addValue, String addError,
        String addUrl, List<ActionFormView.Choice> departments) {

    public record Row(String id, String department, String sentOn, String dueOn, String state, String stateLabel,
            String left, String outcome, String doneAt, boolean canAcknowledge, boolean canComplete,
            String acknowledgeUrl, String doneUrl, String doneValue, String error) {
    }

    /** What the reviewer posted and case-service refused: which form ({@code add}, {@code acknowledge}, {@code done}). */
    public record Input(String form, String referralId, String value, String error) {
    }

    /** Null when the case was never referred and is not referred now. */
    static ReferralsPanel of(CaseApi.Details d, List<CaseApi.Referral> list, Input in, List<ProcedureDoc.Option> known,
            java.util.Locale locale, Msg m) {
        boolean referred = "REFERRED".equals(d.status());
        if (list.isEmpty() && !referred) {
            return null;
        }
        String base = "/cases/" + d.id() + "/referrals";
        List<Row> rows = list.stream().map(r -> {
            String id = r.id().toString();
            boolean mine = in != null && id.equals(in.referralId());
            boolean done = "DONE".equals(r.state());
            String left = done ? "—" : m.workingDays(Math.abs(r.workingDaysLeft()), r.workingDaysLeft() < 0);
            return new Row(id, r.department(), str(r.sentOn()), str(r.dueOn()), r.state(),
                    m.referralTaskStateLabel(r.state()), left, r.outcome(), QueueView.when(r.doneAt()),
                    !done && r.acknowledgedAt() == null, !done, base + "/" + id + "/acknowledge",
                    base + "/" + id + "/done", mine && "done".equals(in.form()) ? in.value() : "",
                    mine ? in.error() : null);
        }).toList();
        boolean adding = in != null && "add".equals(in.form());
        String typed = adding ? in.value() : "";
        // the departments case-service knows (the REFER field's options), those with an open referral left out
        List<ActionFormView.Choice> departments = known.stream()
                .filter(o -> list.stream().noneMatch(r -> o.value().equals(r.department()) && !"DONE".equals(r.state())))
                .map(o -> new ActionFormView.Choice(o.value(), o.label().in(locale), o.value().equals(typed)))
                .toList();
        return new ReferralsPanel(d.id().toString(), referred, rows, typed, adding ? in.error() : null, base,
                departments);
    }

    private static String str(Object o) {
        return o == null ? "—" : o.toString();
    }
}
