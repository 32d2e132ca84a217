package cn.scanforhelp.console.sampling;

import cn.scanforhelp.console.cases.ProcedureCatalog;
import cn.scanforhelp.console.cases.ProcedureDoc;
import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.cases.StatsApi;
import cn.scanforhelp.console.web.Chrome;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The district officer's sampling checks (抽查): draw a sample of a township's decided cases, list the samplings and
 * their statistics, and record each drawn case's check. Everything is case-service's (the draw, the shares, the
 * scoping, the limits), called with the officer's token; its refusals come back at the form's fields. Plain forms
 * with the CSRF token, no script needed.
 */
@Path("/sampling")
@RolesAllowed("district-officer")
@Produces(MediaType.TEXT_HTML)
public class SamplingPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance samplings(Chrome.Frame chrome, SamplingView.ListPage view);

        static native TemplateInstance sampling(Chrome.Frame chrome, SamplingView.Page view);
    }

    private final SamplingClient samplings;
    private final ProcedureCatalog procedure;
    private final Chrome chrome;
    private final Clock clock;

    public SamplingPage(@RestClient SamplingClient samplings, ProcedureCatalog procedure, Chrome chrome, Clock clock) {
        this.samplings = samplings;
        this.procedure = procedure;
        this.chrome = chrome;
        this.clock = clock;
    }

    SamplingMsg msg() {
        return chrome.english() ? MessageBundles.get(SamplingMsg.class, Localized.Literal.of("en"))
                : MessageBundles.get(SamplingMsg.class);
    }

    @GET
    public Response list() {
        LocalDate today = LocalDate.now(clock.withZone(SamplingView.ZONE));
        Map<String, String> values = new HashMap<>();
        values.put("from", today.minusMonths(1).withDayOfMonth(1).toString());
        values.put("to", today.toString());
        return listPage(200, values, Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draw(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("township", "from", "to")) {
            values.put(f, text(form, f));
        }
        try {
            SamplingApi.Details d = samplings.draw(chrome.language(), new SamplingApi.DrawRequest(
                    blankToNull(values.get("township")), blankToNull(values.get("from")),
                    blankToNull(values.get("to"))));
            return Response.seeOther(URI.create("/sampling/" + d.id() + "?drawn=" + d.cases().size())).build();
        } catch (ServiceProblem p) {
            if (p.status() == 400 || p.status() == 403 || p.status() == 409) {
                Map<String, String> errors = new LinkedHashMap<>();
                p.fieldErrors().forEach((k, v) -> errors.merge(fieldId(k), v, (a, b) -> a + "；" + b));
                if (errors.isEmpty()) {
                    errors.put("township", p.message());
                }
                return listPage(p.status(), values, inPageOrder(errors));
            }
            throw p;
        }
    }

    @GET
    @Path("{id}")
    public Response sampling(@PathParam("id") UUID id, @QueryParam("drawn") Integer drawn,
            @QueryParam("checked") String checked) {
        SamplingApi.Details d = samplings.get(chrome.language(), id);
        SamplingMsg m = msg();
        String notice = drawn != null ? m.drawnNotice(drawn)
                : checked == null ? null : d.cases().stream().filter(c -> c.caseId().toString().equals(checked))
                        .findFirst().map(c -> m.checkedNotice(c.trackingNumber())).orElse(null);
        return samplingPage(200, d, notice, null, null, null, null);
    }

    @POST
    @Path("{id}/cases/{caseId}/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@PathParam("id") UUID id, @PathParam("caseId") UUID caseId,
            MultivaluedMap<String, String> form) {
        String outcome = text(form, "outcome");
        String note = text(form, "note");
        if (outcome.isBlank()) {
            return samplingPage(400, samplings.get(chrome.language(), id), null, caseId, outcome, note,
                    msg().outcomeRequired());
        }
        try {
            samplings.check(chrome.language(), id, caseId, new SamplingApi.CheckRequest(outcome, blankToNull(note)));
            return Response.seeOther(URI.create("/sampling/" + id + "?checked=" + caseId + "#case-" + caseId)).build();
        } catch (ServiceProblem p) {
            if (p.status() == 400) {
                String message = p.fieldErrors().values().stream().findFirst()
                        .orElse(p.message().isBlank() ? chrome.msg().refused() : p.message());
                return samplingPage(400, samplings.get(chrome.language(), id), null, caseId, outcome, note, message);
            }
            throw p;
        }
    }

    private Response listPage(int status, Map<String, String> values, Map<String, String> errors) {
        String lang = chrome.language();
        ProcedureDoc doc = procedure.get();
        Locale locale = chrome.locale();
        List<StatsApi.DivisionRow> divisions = samplings.townships(lang);
        List<SamplingView.Option> townships = divisions.stream().filter(r -> r.divisionCode().length() == 9)
                .map(r -> new SamplingView.Option(r.divisionCode(),
                        (r.townshipName() == null ? "" : r.townshipName() + " ") + r.divisionCode()))
                .toList();
        List<SamplingView.Summary> list = samplings.list(lang).stream().map(s -> new SamplingView.Summary(
                s.id().toString(), name(s.townshipName(), s.townshipCode()), s.from(), s.to(), s.drawnBy(),
                SamplingView.when(s.drawnAt()), s.sampled(), s.checked(), s.problems())).toList();
        List<SamplingView.Stat> stats = samplings.statistics(lang).stream().map(r -> new SamplingView.Stat(
                name(r.townshipName(), r.divisionCode()), SamplingView.type(doc, r.type(), locale), r.sampled(),
                r.checked(), r.problems())).toList();
        SamplingView.ListPage view = new SamplingView.ListPage(townships, values, errors, list, stats);
        return html(status, Templates.samplings(chrome.frame(), view));
    }

    private Response samplingPage(int status, SamplingApi.Details d, String notice, UUID refusedCase,
            String typedOutcome, String typedNote, String error) {
        ProcedureDoc doc = procedure.get();
        Locale locale = chrome.locale();
        SamplingMsg m = msg();
        Map<String, String> errors = new LinkedHashMap<>();
        List<SamplingView.Case> cases = d.cases().stream().map(c -> {
            boolean refused = c.caseId().equals(refusedCase);
            if (refused) {
                errors.put((typedOutcome.isBlank() ? "outcome-" : "note-") + c.caseId(), error);
            }
            return new SamplingView.Case(c.caseId().toString(), c.trackingNumber(),
                    SamplingView.type(doc, c.type(), locale), SamplingView.state(doc, c.decision(), locale),
                    c.decidedOn(), c.applicantName(), c.villageName(), c.outcome(), c.note(),
                    c.checkedAt() == null ? null : m.checkedByAt(c.checkedBy(), SamplingView.when(c.checkedAt())),
                    refused ? typedOutcome : c.outcome(), refused ? typedNote : (c.note() == null ? "" : c.note()),
                    refused ? error : null);
        }).toList();
        SamplingView.Page view = new SamplingView.Page(d.id().toString(), name(d.townshipName(), d.townshipCode()),
                d.from(), d.to(), d.drawnBy(), SamplingView.when(d.drawnAt()),
                d.strata().stream().map(s -> new SamplingView.Stratum(SamplingView.type(doc, s.type(), locale),
                        s.population(), SamplingView.share(s.share()), s.drawn())).toList(),
                cases, notice, errors);
        return html(status, Templates.sampling(chrome.frame(), view));
    }

    private Response html(int status, TemplateInstance t) {
        String html = chrome.localize(t).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").build();
    }

    static String fieldId(String path) {
        return switch (path) {
            case "from", "to" -> path;
            default -> "township";
        };
    }

    static Map<String, String> inPageOrder(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        List.of("township", "from", "to").stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static String name(String name, String code) {
        return name == null || name.isBlank() ? code : name;
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
