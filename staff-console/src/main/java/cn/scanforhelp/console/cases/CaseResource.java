package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.web.Chrome;
import cn.scanforhelp.console.web.Msg;
import io.quarkus.qute.CheckedTemplate;
import cn.scanforhelp.console.sms.CaseMessages;
import cn.scanforhelp.console.sms.SmsView;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The case page: masked applicant with an audited reveal, deadlines, timeline, household hint, referral, the
 * SMS sent (from notification-service), and the actions case-service allows now, each a form with exactly its
 * fields, sent with If-Match. A form sent after the session ended is kept ({@link FormDrafts}) and shown
 * filled again after the new sign-in.
 */
@Path("/cases/{id}")
@RolesAllowed({"township-reviewer", "district-officer"})
@Produces(MediaType.TEXT_HTML)
public class CaseResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance casePage(Chrome.Frame chrome, CaseView view, ActionFormView form,
                CaseApi.Revealed revealed, Notice notice, String revealError, String revealReason, SmsView sms,
                ReferralsPanel referrals, CasePanels.ObjectionsView objections);
    }

    /** An action's name as the procedure writes them; anything else never reaches a cookie's path or a header. */
    private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile("[A-Z_]{1,40}");

    /** The {@code done} of the page a confirmed link goes back to (not an action of the procedure). */
    private static final String CONFIRM_LINK = "CONFIRM_LINK";

    /** A message at the top of the page: {@code success}, {@code error} or {@code conflict}. */
    public record Notice(String kind, String text) {
    }

    private final CaseServiceClient cases;
    private final ProcedureCatalog procedure;
    private final Chrome chrome;
    private final UsualMaterials usual;
    private final CaseMessages sms;
    private final FormDrafts drafts;
    private final SecurityIdentity identity;
    private final CasePanels panels;

    public CaseResource(@RestClient CaseServiceClient cases, ProcedureCatalog procedure, Chrome chrome,
            UsualMaterials usual, CaseMessages sms, FormDrafts drafts, SecurityIdentity identity, CasePanels panels) {
        this.panels = panels;
        this.cases = cases;
        this.procedure = procedure;
        this.chrome = chrome;
        this.usual = usual;
        this.sms = sms;
        this.drafts = drafts;
        this.identity = identity;
    }

    @GET
    public Response get(@PathParam("id") UUID id, @QueryParam("done") String done) {
        Notice notice = null;
        if (CONFIRM_LINK.equals(done)) {
            notice = new Notice("success", chrome.msg().linkConfirmedNotice());
        } else if (done != null && ReferralForms.DONE.contains(done)) {
            notice = new Notice("success", ReferralForms.notice(done, chrome.msg()));
        } else if (done != null) {
            notice = procedure.action(done).map(a -> new Notice("success", chrome.msg().done(a.label().in(chrome.locale()))))
                    .orElse(null);
        }
        return page(200, id, null, Map.of(), Map.of(), notice, null, null, null);
    }

    @GET
    @Path("actions/{action}")
    public Response form(@PathParam("id") UUID id, @PathParam("action") String action,
            @Context HttpHeaders headers) {
        String path = formPath(id, action);
        Map<String, String> kept = ACTION.matcher(action).matches()
                ? drafts.find(path, headers.getCookies()).orElse(null) : null;
        if (kept == null) {
            return page(200, id, action, Map.of(), Map.of(), null, null, null, null);
        }
        // shown filled, never sent by itself: the reviewer checks it and presses submit; the draft is gone
        Response r = page(200, id, action, kept, Map.of(), new Notice("info", chrome.msg().draftRestored()), null,
                null, null);
        Response.ResponseBuilder b = Response.fromResponse(r);
        drafts.clear(path, headers.getCookies()).forEach(c -> b.header("Set-Cookie", c));
        return b.build();
    }

    /**
     * Open to a request without a session (see application.properties): a form sent after the session
     * ended is kept in an encrypted cookie, then the form's page asks for a new sign-in and shows it filled.
     * With a session, only the workspace's roles may act (checked here, and by case-service).
     */
    @POST
    @Path("actions/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Response act(@PathParam("id") UUID id, @PathParam("action") String action,
            MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        if (identity.isAnonymous()) {
            if (form.containsKey("preview") && headers.getHeaderString("HX-Request") != null) {
                return Response.noContent().build(); // htmx's preview while the session has ended: nothing to show
            }
            if (!ACTION.matcher(action).matches()) {
                return Response.seeOther(URI.create("/cases/" + id)).build();
            }
            Map<String, String> typed = single(form);
            typed.remove("csrf-token"); // quarkus-rest-csrf's form field: never kept
            mergePicks(form, typed);
            Response.ResponseBuilder b = Response.seeOther(URI.create(formPath(id, action)));
            drafts.stash(formPath(id, action), typed).forEach(c -> b.header("Set-Cookie", c));
            return b.build();
        }
        if (!identity.hasRole("township-reviewer") && !identity.hasRole("district-officer")) {
            throw new io.quarkus.security.ForbiddenException();
        }
        Map<String, String> values = single(form);
        if (values.containsKey("preview")) {
            // 预览短信: the form again with what was typed and the SMS it makes; nothing is sent
            values.remove("preview");
            values.remove("csrf-token");
            mergePicks(form, values);
            if (headers.getHeaderString("HX-Request") != null) {
                // htmx keeps only #sms-preview: the case and the form, without the page's other panels (their
                // reads, some audited, would be repeated at every pause in typing)
                return page(200, id, action, values, Map.of(), null, null, null, null, null, true);
            }
            return page(200, id, action, values, Map.of(), null, null, null, null);
        }
        CaseApi.Details before = cases.get(chrome.language(), id);
        ProcedureDoc.RuleDoc rule = procedure.rule(action, before.status(), before.type())
                .orElse(new ProcedureDoc.RuleDoc(before.status(), before.status(), java.util.List.of(),
                        java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), null));
        mergePicks(form, values);
        String version = values.getOrDefault("version", "");
        try (Response r = cases.act(chrome.language(), id, "\"" + version + "\"",
                ActionForms.body(action, rule, values, ActionForms.added(action, form)))) {
            Response.ResponseBuilder done = Response.seeOther(URI.create("/cases/" + id + "?done=" + action));
            drafts.clear(formPath(id, action), headers.getCookies()).forEach(c -> done.header("Set-Cookie", c));
            return done.build();
        } catch (ServiceProblem p) {
            Msg m = chrome.msg();
            if (p.status() == 412) {
                return page(409, id, null, Map.of(), Map.of(), new Notice("conflict", m.conflict412()), null, null, null);
            }
            if (p.status() == 400 || p.status() == 409 || p.status() == 428) {
                return page(p.status(), id, action, values, p.fieldErrors(),
                        new Notice("error", p.message().isBlank() ? m.refused() : p.message()), null, null, null);
            }
            throw p;
        }
    }

    /** A list field's ticked checklist items ({@code name-pick}) first, then the free items typed one per line. */
    private static void mergePicks(MultivaluedMap<String, String> form, Map<String, String> values) {
        form.forEach((k, picked) -> {
            if (k.endsWith(ActionFormView.PICK)) {
                values.remove(k);
                if (picked != null && !picked.isEmpty()) {
                    String name = k.substring(0, k.length() - ActionFormView.PICK.length());
                    String typed = values.getOrDefault(name, "");
                    values.put(name, String.join("\n", picked) + (typed.isBlank() ? "" : "\n" + typed));
                }
            }
        });
    }

    /** Open like the action posts; a reveal has nothing worth keeping: after a new sign-in, the case page. */
    @POST
    @Path("reveal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Response reveal(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/cases/" + id)).build();
        }
        if (!identity.hasRole("township-reviewer") && !identity.hasRole("district-officer")) {
            throw new io.quarkus.security.ForbiddenException();
        }
        String reason = form.getFirst("reason");
        try {
            CaseApi.Revealed revealed = cases.reveal(chrome.language(), id,
                    new CaseApi.RevealRequest(reason == null || reason.isBlank() ? null : reason.trim()));
            return page(200, id, null, Map.of(), Map.of(), null, revealed, null, null);
        } catch (ServiceProblem p) {
            if (p.status() != 400) {
                throw p;
            }
            String msg = p.fieldErrors().getOrDefault("reason", p.message());
            return page(400, id, null, Map.of(), Map.of(), null, null, chrome.msg().revealReason() + "：" + msg, reason);
        }
    }

    /**
     * Confirms a duplicate linked by its ID number as the applicant's (case-service's confirm-link, with the
     * version the page was rendered with as If-Match). Open like the other posts: without a session, back to
     * the case page after a new sign-in, nothing sent.
     */
    @POST
    @Path("applications/{applicationId}/confirm-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Response confirmLink(@PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId,
            MultivaluedMap<String, String> form) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/cases/" + id)).build();
        }
        if (!identity.hasRole("township-reviewer") && !identity.hasRole("district-officer")) {
            throw new io.quarkus.security.ForbiddenException();
        }
        String version = form.getFirst("version") == null ? "" : form.getFirst("version");
        try (Response r = cases.confirmLink(chrome.language(), id, applicationId, "\"" + version + "\"")) {
            return Response.seeOther(URI.create("/cases/" + id + "?done=" + CONFIRM_LINK)).build();
        } catch (ServiceProblem p) {
            if (p.status() == 412 || p.status() == 428) {
                return page(409, id, null, Map.of(), Map.of(), new Notice("conflict", chrome.msg().conflict412()),
                        null, null, null);
            }
            throw p;
        }
    }

    private Response page(int status, UUID id, String openAction, Map<String, String> values,
            Map<String, String> fieldErrors, Notice notice, CaseApi.Revealed revealed, String revealError,
            String revealReason) {
        return page(status, id, openAction, values, fieldErrors, notice, revealed, revealError, revealReason, null,
                false);
    }

    /**
     * The case page; {@code referral}: a referral form case-service refused, shown again at its field;
     * {@code formOnly}: the case and its open form only (an htmx request that keeps one part of the form).
     */
    Response page(int status, UUID id, String openAction, Map<String, String> values,
            Map<String, String> fieldErrors, Notice notice, CaseApi.Revealed revealed, String revealError,
            String revealReason, ReferralsPanel.Input referral, boolean formOnly) {
        CaseApi.Details d = cases.get(chrome.language(), id);
        CaseApi.Household h = formOnly ? null : household(id);
        ProcedureDoc doc = procedure.get();
        String open = openAction != null && d.allowedActions().contains(openAction) ? openAction : null;
        if (openAction != null && open == null && (notice == null || "info".equals(notice.kind()))) {
            notice = new Notice("error", chrome.msg().refused());
        }
        ActionFormView form = open == null ? null : procedure.rule(open, d.status(), d.type())
                .map(r -> panels.preview(panels.transfer(panels.amount(ActionFormView.of(d.id().toString(), open,
                        r, doc, values, fieldErrors,
                        usual.forType(d.type()).stream().filter(m -> !d.received().contains(m)).toList(),
                        chrome.locale(), chrome.msg()), d, values, fieldErrors), d), r, d, values))
                .orElse(null);
        CaseView view = CaseView.of(d, h, doc, open, chrome.locale(), chrome.msg());
        SmsView texts = formOnly ? new SmsView(false, java.util.List.of())
                : SmsView.of(sms.forApplication(chrome.language(), d.trackingNumber()), chrome.msg());
        String html = chrome.localize(Templates.casePage(chrome.frame(), view, form, revealed, notice, revealError,
                revealReason, texts, formOnly ? null : panels.referrals(d, referral),
                formOnly ? null : panels.objections(d))).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").build();
    }

    private static String formPath(UUID id, String action) {
        return "/cases/" + id + "/actions/" + action;
    }

    private CaseApi.Household household(UUID id) {
        try {
            return cases.household(chrome.language(), id);
        } catch (ServiceProblem p) {
            return null; // the page shows the rest; the household section says nothing is recorded
        }
    }

    private static Map<String, String> single(MultivaluedMap<String, String> form) {
        Map<String, String> m = new HashMap<>();
        form.forEach((k, v) -> m.put(k, v == null || v.isEmpty() ? "" : v.get(0)));
        return m;
    }
}
