package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.divisions.Townships;
import cn.scanforhelp.console.sms.NotificationServiceClient;
import cn.scanforhelp.console.sms.SmsPreviews;
import cn.scanforhelp.console.web.Chrome;
import cn.scanforhelp.console.web.Msg;
import jakarta.enterprise.context.RequestScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
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

    /** The SMS of the step's resident event from the values typed so far; null for a step that sends none. */
    ActionFormView preview(ActionFormView form, ProcedureDoc.RuleDoc rule, CaseApi.Details d,
            Map<String, String> values) {
        if (rule.residentEvent() == null || rule.residentEvent().isBlank()) {
            return form;
        }
        Msg m = chrome.msg();
        String url = form.url(); // the form posts to itself with preview=1
        String materials = values.getOrDefault("materials", "");
        List<String> items = Arrays.stream(materials.split("\\R")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        String department = values.getOrDefault("department", "").trim();
        LocalDate deadline = d.deadlines().stream()
                .filter(x -> !"MET".equals(x.state()) && !"MISSED".equals(x.state()) && x.dueOn() != null)
                .map(CaseApi.Deadline::dueOn).min(Comparator.naturalOrder()).orElse(null);
        NotificationServiceClient.Preview p = new NotificationServiceClient.Preview(rule.residentEvent(),
                d.trackingNumber(), d.townshipName(), d.hotline(), deadline, blank(values.get("reasonCategory")),
                items.isEmpty() ? null : items, department.isEmpty() ? null : department,
                amount(form.fields().stream().filter(f -> "amount".equals(f.name())).map(ActionFormView.Field::value)
                        .findFirst().orElse(d.amountYuan() == null ? "" : d.amountYuan().toPlainString())),
                d.noticeEndsAt() == null ? null : d.noticeEndsAt().toLocalDate(), payment(rule, form));
        SmsPreviews.Result r = previews.render(chrome.language(), p);
        String message = r.text() != null ? null
                : r.refusal() != null ? m.smsPreviewRefused(r.refusal()) : m.smsPreviewUnavailable();
        return form.withPreview(new ActionFormView.PreviewView(url, r.text(), r.parts(), message));
    }

    /**
     * How an approval is paid, as the SMS will say: case-service's amount of a monthly type (DIBAO, TEKUN) is on the
     * form; an approval without it is paid once; when the amount could not be read, the neutral wording.
     */
    private static String payment(ProcedureDoc.RuleDoc rule, ActionFormView form) {
        if (!"APPROVED".equals(rule.residentEvent())) {
            return null;
        }
        if (form.amount() == null) {
            return "ONE_OFF";
        }
        return form.amount().available() ? "MONTHLY" : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static BigDecimal amount(String raw) {
        try {
            BigDecimal b = new BigDecimal(raw.trim().replace(",", "").replace("，", ""));
            return b.signum() < 0 || b.compareTo(BigDecimal.valueOf(1_000_000)) > 0 ? null : b;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
