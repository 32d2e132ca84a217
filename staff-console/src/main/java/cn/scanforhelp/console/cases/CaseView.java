package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.documents.Documents;
import cn.scanforhelp.console.web.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What the case page shows, labels in the page's language. Personal data only as case-service masked it. */
public record CaseView(String id, long version, String trackingNumber, String title, String applicant,
        String idNumber, String phone, String township, String village, String channel, String type, String status,
        String received, String description, Integer householdSize, boolean urgent, List<DeadlineRow> deadlines,
        List<StepRow> steps, List<AppRow> applications, List<Button> buttons, HouseholdView household,
        boolean calendarComplete, Docs docs, ReferralView referral, MaterialsView materials) {

    /**
     * The last 一次性告知: when it was sent, what it asked for (the step's details), and whether the clock it paused
     * has resumed (and when). Which steps pause and resume a clock comes from case-service's procedure table
     * (the rule's clock effects), not from a list here. Null when the case never had such a step.
     */
    public record MaterialsView(String requestedAt, String items, boolean resumed, String clock) {
    }

    /**
     * The referral (转办) of a referred type: which department, when, and its state: waiting for the
     * department's answer, or answered (the outcome and when it was recorded). Null when not referred.
     */
    public record ReferralView(String department, String referredAt, boolean answered, String state,
            String outcome, String answeredAt) {
    }

    /** Which printable documents the case has now (its steps and state decide). */
    public record Docs(boolean acceptance, boolean materials, boolean refusal, boolean notAccepted,
            boolean publicNotice) {
    }

    public record DeadlineRow(String kind, String startedOn, String dueOn, String state, String stateLabel,
            String left) {
    }

    public record StepRow(String action, String from, String to, String actor, String at, String note,
            String details) {
    }

    /**
     * {@code awaitingConfirmation}: a duplicate linked by its ID number that no reviewer has confirmed yet; its
     * {@code confirmUrl} is the console's form target for case-service's confirm-link.
     */
    public record AppRow(String applicationId, String trackingNumber, String channel, boolean duplicate,
            String received, boolean awaitingConfirmation, String confirmUrl, String counter) {
    }

    public record Button(String action, String label, String url, boolean open) {
    }

    public record HouseholdView(boolean recorded, int members, String perCapita, String standard, String result,
            String note) {
    }

    static CaseView of(CaseApi.Details d, CaseApi.Household h, ProcedureDoc doc, String openAction, Locale locale,
            Msg m) {
        List<DeadlineRow> deadlines = new ArrayList<>();
        for (CaseApi.Deadline dl : d.deadlines()) {
            String left = switch (dl.state()) {
                case "PAUSED" -> m.pausedLeft(dl.workingDaysLeft());
                case "MET", "MISSED" -> "—";
                default -> "PUBLIC_NOTICE".equals(dl.kind()) ? dl.dueOn().toString()
                        : m.workingDays(Math.abs(dl.workingDaysLeft()), dl.workingDaysLeft() < 0);
            };
            deadlines.add(new DeadlineRow(m.deadlineKind(dl.kind()), str(dl.startedOn()), str(dl.dueOn()), dl.state(),
                    m.deadlineState(dl.state()), left));
        }
        Map<String, ProcedureDoc.Labels> actions = doc.actions().stream()
                .collect(Collectors.toMap(ProcedureDoc.ActionDoc::name, ProcedureDoc.ActionDoc::label));
        Map<String, ProcedureDoc.Labels> stepLabels = new java.util.HashMap<>(actions);
        if (doc.steps() != null) {
            stepLabels.putAll(doc.steps());
        }
        List<StepRow> steps = new ArrayList<>();
        for (CaseApi.Step s : d.history()) {
            steps.add(new StepRow(QueueView.label(stepLabels, s.action(), locale),
                    s.fromStatus() == null ? null : QueueView.label(doc.states(), s.fromStatus(), locale),
                    QueueView.label(doc.states(), s.toStatus(), locale),
                    s.actor(), QueueView.when(s.at()), s.note(), s.details()));
        }
        List<AppRow> apps = d.applications().stream().map(a -> new AppRow(String.valueOf(a.applicationId()),
                a.trackingNumber(), m.channel(a.channel()), a.duplicate(), QueueView.when(a.receivedAt()),
                a.duplicate() && !a.linkConfirmed(),
                "/cases/" + d.id() + "/applications/" + a.applicationId() + "/confirm-link",
                a.counter() == null ? null : m.counter(a.counter().recordedBy(), a.counter().inPerson(),
                        a.counter().idSeen(), a.counter().materialsReceived() == null
                                || a.counter().materialsReceived().isEmpty() ? "—"
                                : String.join("、", a.counter().materialsReceived())))).toList();
        List<Button> buttons = d.allowedActions().stream().map(a -> new Button(a, QueueView.label(actions, a, locale),
                "/cases/" + d.id() + "/actions/" + a + "#action-form", a.equals(openAction))).toList();
        return new CaseView(d.id().toString(), d.version(), d.trackingNumber(), m.caseTitle(d.trackingNumber()),
                d.applicantName(), d.idNumber(), "CALL_BACK".equals(d.contact()) ? m.noSmsCallBack() : d.phone(),
                d.townshipName(), d.villageName(), m.channel(d.channel()),
                QueueView.label(doc.types(), d.type(), locale), QueueView.label(doc.states(), d.status(), locale),
                QueueView.when(d.receivedAt()), d.description(), d.householdSize(), d.urgent(), deadlines, steps, apps,
                buttons, household(h, m), d.calendarComplete(),
                new Docs(Documents.hasAcceptance(d), Documents.hasMaterials(d), Documents.hasRefusal(d),
                        "NOT_ACCEPTED".equals(d.status()), "PUBLIC_NOTICE".equals(d.status())),
                referral(d, m), materials(d, doc, m));
    }

    static MaterialsView materials(CaseApi.Details d, ProcedureDoc doc, Msg m) {
        CaseApi.Step requested = null;
        CaseApi.Step resumed = null;
        for (CaseApi.Step s : d.history()) {
            if (hasEffect(doc, s, "PAUSE")) {
                requested = s;
                resumed = null;
            } else if (requested != null && resumed == null && hasEffect(doc, s, "RESUME")) {
                resumed = s;
            }
        }
        if (requested == null) {
            return null;
        }
        String items = requested.details() == null ? "" : requested.details().replaceFirst("^materials: ", "");
        return new MaterialsView(QueueView.when(requested.at()), items, resumed != null,
                resumed == null ? m.materialsClockPaused() : m.materialsClockResumed(QueueView.when(resumed.at())));
    }

    /** Whether the procedure's rule for this step (its action from its state) has this clock effect. */
    private static boolean hasEffect(ProcedureDoc doc, CaseApi.Step s, String effect) {
        return doc.actions().stream().filter(a -> a.name().equals(s.action()))
                .flatMap(a -> a.rules().stream())
                .filter(r -> r.from() != null && r.from().equals(s.fromStatus()))
                .anyMatch(r -> r.clocks() != null && r.clocks().stream().anyMatch(c -> effect.equals(c.effect())));
    }

    /** From the case's department and outcome, and the times of its REFER and RECORD_REFERRAL_OUTCOME steps. */
    static ReferralView referral(CaseApi.Details d, Msg m) {
        CaseApi.Step referred = lastStep(d, "REFER");
        if (referred == null && (d.department() == null || d.department().isBlank())) {
            return null;
        }
        CaseApi.Step answered = lastStep(d, "RECORD_REFERRAL_OUTCOME");
        boolean done = d.referralOutcome() != null && !d.referralOutcome().isBlank();
        return new ReferralView(d.department() == null ? "—" : d.department(),
                referred == null ? "—" : QueueView.when(referred.at()), done, m.referralState(done),
                d.referralOutcome(), answered == null ? null : QueueView.when(answered.at()));
    }

    private static CaseApi.Step lastStep(CaseApi.Details d, String action) {
        CaseApi.Step found = null;
        for (CaseApi.Step s : d.history()) {
            if (action.equals(s.action())) {
                found = s;
            }
        }
        return found;
    }

    private static HouseholdView household(CaseApi.Household h, Msg m) {
        if (h == null) {
            return null;
        }
        if (h.members() == null || h.members().isEmpty()) {
            return new HouseholdView(false, 0, null, null, null, null);
        }
        CaseApi.Hint hint = h.hint();
        String perCapita = hint == null || hint.perCapitaMonthlyIncomeYuan() == null ? "—"
                : m.yuan(hint.perCapitaMonthlyIncomeYuan().toPlainString());
        String standard = hint == null || hint.standardMonthlyYuan() == null ? m.noStandard()
                : m.standard(hint.standardYear()) + "：" + m.yuan(hint.standardMonthlyYuan().toPlainString());
        String result = hint == null || hint.belowStandard() == null ? null : m.hintResult(hint.belowStandard());
        return new HouseholdView(true, h.members().size(), perCapita, standard, result, hint == null ? null : hint.note());
    }

    private static String str(Object o) {
        return o == null ? "—" : o.toString();
    }
}
