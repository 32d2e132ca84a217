package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.divisions.Townships;
import cn.scanforhelp.console.sms.SmsPreviews;
import cn.scanforhelp.console.web.Chrome;
import cn.scanforhelp.console.web.Msg;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The case page's panels that come from further calls: the referral tasks, the objections to the public notice,
 * the amount an APPROVE grants, and the SMS a step will send. Each is read with the user's token; a panel that
 * cannot be read says so and the rest of the page is unchanged.
 */
@RequestScoped
public class CasePanels {

    /** The objections of a case that has been under public notice; {@code available} false: case-service refused. */
    public record ObjectionsView(boolean available, List<ObjectionRow> rows) {
    }

    public record ObjectionRow(String receivedAt, String text, String outcome, String outcomeLabel) {
    }

    private final CaseServiceClient cases;
    private final SmsPreviews previews;
    private final Townships townships;
    private final Chrome chrome;
    private final ProcedureCatalog procedure;

    public CasePanels(@RestClient CaseServiceClient cases, SmsPreviews previews, Townships townships, Chrome chrome,
            ProcedureCatalog procedure) {
        this.procedure = procedure;
        this.cases = cases;
        this.previews = previews;
        this.townships = townships;
        this.chrome = chrome;
    }

    /**
     * TRANSFER: the target becomes a choice of the county's other townships, named, from intake-service; the
     * typed code when intake-service does not answer. case-service still decides whether the target is allowed.
     */
    ActionFormView transfer(ActionFormView form, CaseApi.Details d) {
        ActionFormView.Field f = form.fields().stream().filter(x -> "targetDivisionCode".equals(x.name())).findFirst()
                .orElse(null);
        if (f == null || d.divisionCode() == null || d.divisionCode().length() < 9) {
            return form;
        }
        String own = d.divisionCode().substring(0, 9);
        Townships.Listed listed = townships.ofCounty(d.divisionCode().substring(0, 6));
        List<ActionFormView.Choice> options = listed.townships().stream().filter(t -> !own.equals(t.code()))
                .map(t -> new ActionFormView.Choice(t.code(), chrome.msg().townshipOption(t.name(), t.code()),
                        t.code().equals(f.value())))
                .toList();
        if (options.isEmpty()) {
            return form.withField(new ActionFormView.Field(f.name(), f.id(), f.label(), f.type(), f.required(),
                    f.maxLength(), f.maxItems(), f.min(), f.max(), f.value(), f.options(), f.error(),
                    chrome.msg().townshipsUnavailable(), f.checklist()));
        }
        return form.withField(new ActionFormView.Field(f.name(), f.id(), f.label(), "enum", f.required(),
                f.maxLength(), f.maxItems(), f.min(), f.max(), f.value(), options, f.error(), f.hint(), f.checklist()));
    }

    ReferralsPanel referrals(CaseApi.Details d, ReferralsPanel.Input in) {
        if (!"REFERRED".equals(d.status()) && d.history().stream().noneMatch(s -> "REFER".equals(s.action()))) {
            return null; // never referred: nothing to read
        }
        List<CaseApi.Referral> list;
        try {
            list = cases.referrals(chrome.language(), d.id());
        } catch (ServiceProblem p) {
            list = List.of();
        }
        List<ProcedureDoc.Option> known = procedure.get().actions().stream().filter(a -> "REFER".equals(a.name()))
                .flatMap(a -> a.rules().stream()).flatMap(r -> r.fields().stream())
                .filter(f -> "department".equals(f.name()) && f.options() != null).flatMap(f -> f.options().stream())
                .distinct().toList();
        return ReferralsPanel.of(d, list, in, known, chrome.locale(), chrome.msg());
    }

    /** Read (and audited by case-service) only for a case that has been under public notice. */
    ObjectionsView objections(CaseApi.Details d) {
        if (d.history().stream().noneMatch(s -> "START_PUBLIC_NOTICE".equals(s.action()))) {
            return null;
        }
        Msg m = chrome.msg();
        try {
            return new ObjectionsView(true, cases.objections(chrome.language(), d.id()).stream()
                    .map(o -> new ObjectionRow(QueueView.when(o.receivedAt()), o.text(), o.outcome(),
                            m.objectionOutcomeLabel(o.outcome() == null ? "" : o.outcome())))
                    .toList());
        } catch (ServiceProblem p) {
            return new ObjectionsView(false, List.of());
        }
    }

    /**
     * APPROVE: case-service's computation; the amount fields when the approval is paid monthly (case-service's
     * {@code monthly}), so a changed amount and its reason reach case-service, which decides.
     */
    ActionFormView amount(ActionFormView form, CaseApi.Details d, Map<String, String> values,
            Map<String, String> errors) {
        if (!"APPROVE".equals(form.action()) || form.fields().stream().anyMatch(f -> "amount".equals(f.name()))) {
            return form;
        }
        CaseApi.Amount a;
        try {
            a = cases.amount(chrome.language(), d.id());
        } catch (ServiceProblem p) {
            a = null;
        }
        if (a != null && !a.monthly()) {
            return form;
        }
        return form.withAmount(a, values, errors, chrome.msg());
    }

    /**
     * The SMS the step will send with the values typed so far: case-service rehearses the step (its checks, its
     * clocks, its amount; nothing kept) and notification-service renders the SMS from what the step would write.
     * The console computes none of it. A step whose row tells the resident nothing has no preview.
     */
    ActionFormView preview(ActionFormView form, ProcedureDoc.RuleDoc rule, CaseApi.Details d,
            Map<String, String> values) {
        if (rule.residentEvent() == null || rule.residentEvent().isBlank()) {
            return form;
        }
        Msg m = chrome.msg();
        Map<String, String> typed = new HashMap<>(values);
        // the amount an APPROVE form shows prefilled (case-service's computation) is what would be sent
        form.fields().stream().filter(f -> "amount".equals(f.name())).findFirst()
                .ifPresent(f -> typed.putIfAbsent("amount", f.value()));
        CaseApi.Rehearsed step;
        try {
            step = cases.rehearse(chrome.language(), d.id(), "\"" + d.version() + "\"", ActionForms.body(form.action(),
                    rule, typed, form.amount() != null ? ActionForms.AMOUNT_FIELDS : List.of()));
        } catch (ServiceProblem p) {
            return form.withPreview(new ActionFormView.PreviewView(form.url(), null, 0, refused(p, form, typed)));
        } catch (jakarta.ws.rs.ProcessingException e) {
            return form.withPreview(new ActionFormView.PreviewView(form.url(), null, 0, m.smsPreviewUnavailable()));
        }
        if ("NO_EVENT".equals(step.noSms())) {
            return form;
        }
        if (step.sms() == null) {
            return form.withPreview(new ActionFormView.PreviewView(form.url(), null, 0, m.smsPreviewNoPhone()));
        }
        SmsPreviews.Result r = previews.render(chrome.language(), step.sms());
        String message = r.text() != null ? null
                : r.refusal() != null ? m.smsPreviewRefused(r.refusal()) : m.smsPreviewUnavailable();
        return form.withPreview(new ActionFormView.PreviewView(form.url(), r.text(), r.parts(), message));
    }

    /**
     * Why the step's SMS cannot be shown yet: a required field still empty (the form is being filled in), or
     * case-service's reason for refusing what was typed, named by the field's label; anything else: unavailable.
     */
    private String refused(ServiceProblem p, ActionFormView form, Map<String, String> typed) {
        Msg m = chrome.msg();
        if (p.status() != 400 && p.status() != 409) {
            return m.smsPreviewUnavailable();
        }
        Map<String, String> errors = p.fieldErrors();
        if (!errors.isEmpty() && errors.keySet().stream().map(k -> k.replaceAll("\\[.*", ""))
                .allMatch(k -> typed.getOrDefault(k, "").isBlank())) {
            return m.smsPreviewAwaitsFields();
        }
        return errors.entrySet().stream().findFirst()
                .map(e -> m.smsPreviewRefused(form.fields().stream()
                        .filter(f -> f.name().equals(e.getKey().replaceAll("\\[.*", ""))).findFirst()
                        .map(f -> f.label() + "：").orElse("") + e.getValue()))
                .orElse(m.smsPreviewRefused(p.message()));
    }
}
