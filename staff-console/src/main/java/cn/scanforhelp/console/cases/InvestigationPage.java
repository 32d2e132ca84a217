package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.web.Chrome;
import cn.scanforhelp.console.web.Msg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The case's investigation record (入户调查): the newest record as case-service shows it, and while the case is
 * under investigation a plain form (CSRF token, no script needed) that records a new one with the user's token.
 */
@Path("/cases/{id}/investigation")
@RolesAllowed({"township-reviewer", "district-officer"})
@Produces(MediaType.TEXT_HTML)
public class InvestigationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance investigationPage(Chrome.Frame chrome, View view, CaseResource.Notice notice);
    }

    static final List<String> INCOMES = List.of("wage", "netBusiness", "netProperty", "netTransfer");

    public record Row(String label, String value) {
    }

    public record Shown(String investigators, String visitDate, String household, String householdNote,
            List<Row> incomes, String assets, String findings, String recordedBy, String attachments) {
    }

    public record ErrorRow(String fieldId, String message) {
    }

    /** The form's values and errors by field id. */
    public record Form(Map<String, String> values, Map<String, String> errors) {
        public String v(String field) {
            return values.getOrDefault(field, "");
        }

        public String e(String field) {
            return errors.get(field);
        }

        /** An investigator's field: {@code inv<n>-user} or {@code inv<n>-name}. */
        public String iv(int n, String part) {
            return v("inv" + n + "-" + part);
        }

        public String ie(int n, String part) {
            return e("inv" + n + "-" + part);
        }

        public List<ErrorRow> errorList() {
            return errors.entrySet().stream().map(x -> new ErrorRow(x.getKey(), x.getValue())).toList();
        }
    }

    public record View(String caseId, String trackingNumber, long version, boolean open, Shown record, Form form) {
    }

    private final CaseServiceClient cases;
    private final Chrome chrome;
    private final SecurityIdentity identity;

    public InvestigationPage(@RestClient CaseServiceClient cases, Chrome chrome, SecurityIdentity identity) {
        this.cases = cases;
        this.chrome = chrome;
        this.identity = identity;
    }

    Msg msg() {
        return chrome.msg();
    }

    @GET
    public Response get(@PathParam("id") UUID id, @QueryParam("saved") String saved) {
        Map<String, String> values = new HashMap<>();
        values.put("inv1-user", identity.getPrincipal().getName());
        values.put("visitDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        values.put("householdConfirmed", "yes");
        return page(200, id, values, Map.of(), saved != null ? new CaseResource.Notice("success", msg().invSaved()) : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((k, v) -> values.put(k, v == null || v.isEmpty() ? "" : v.get(0).trim()));
        values.remove("csrf-token");
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> income = new LinkedHashMap<>();
        for (String f : INCOMES) {
            try {
                BigDecimal b = new BigDecimal(values.getOrDefault(f, "").isBlank() ? "0" : values.get(f));
                income.put(f, b);
            } catch (NumberFormatException e) {
                errors.put(f, msg().invAmountInvalid());
            }
        }
        if (!errors.isEmpty()) {
            return page(400, id, values, errors, null);
        }
        List<Map<String, String>> investigators = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String user = values.getOrDefault("inv" + n + "-user", "");
            String name = values.getOrDefault("inv" + n + "-name", "");
            if (!user.isBlank() || !name.isBlank()) {
                investigators.add(Map.of("userId", user, "name", name.isBlank() ? user : name));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("investigators", investigators);
        body.put("visitDate", values.getOrDefault("visitDate", "").isBlank() ? null : values.get("visitDate"));
        body.put("householdConfirmed", "yes".equals(values.get("householdConfirmed")));
        body.put("householdNote", blankToNull(values.get("householdNote")));
        body.put("monthlyIncomeYuan", income);
        body.put("assets", blankToNull(values.get("assets")));
        body.put("findings", blankToNull(values.get("findings")));
        try (Response r = cases.recordInvestigation(chrome.language(), id, "\"" + values.getOrDefault("version", "") + "\"",
                body)) {
            return Response.seeOther(URI.create("/cases/" + id + "/investigation?saved=1")).build();
        } catch (ServiceProblem p) {
            if (p.status() == 400 || p.status() == 409 || p.status() == 412 || p.status() == 428) {
                p.fieldErrors().forEach((k, v) -> errors.put(fieldId(k), v));
                if (errors.isEmpty()) {
                    errors.put("findings", p.message().isBlank() ? msg().invNotOpen() : p.message());
                }
                return page(p.status() == 400 ? 400 : 409, id, values, errors, null);
            }
            throw p;
        }
    }

    /** case-service's field path to the form's field id. */
    static String fieldId(String path) {
        if (path.startsWith("investigators")) {
            return "inv2-user";
        }
        if (path.startsWith("monthlyIncomeYuan.")) {
            return path.substring("monthlyIncomeYuan.".length());
        }
        return path.equals("monthlyIncomeYuan") ? "wage" : path;
    }

    private Response page(int status, UUID id, Map<String, String> values, Map<String, String> errors,
            CaseResource.Notice notice) {
        CaseApi.Details d = cases.get(chrome.language(), id);
        Shown shown = null;
        try {
            shown = shown(cases.investigation(chrome.language(), id));
        } catch (ServiceProblem p) {
            if (p.status() != 404) {
                throw p;
            }
        }
        boolean open = "INVESTIGATION".equals(d.status());
        View view = new View(id.toString(), d.trackingNumber(), d.version(), open, shown, new Form(values, errors));
        String html = chrome.localize(Templates.investigationPage(chrome.frame(), view, notice)).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").build();
    }

    private Shown shown(InvestigationApi.Record r) {
        Msg m = msg();
        InvestigationApi.Income i = r.monthlyIncomeYuan();
        List<Row> incomes = List.of(new Row(m.invWage(), yuan(i.wage())), new Row(m.invNetBusiness(), yuan(i.netBusiness())),
                new Row(m.invNetProperty(), yuan(i.netProperty())), new Row(m.invNetTransfer(), yuan(i.netTransfer())),
                new Row(m.invTotal(), yuan(i.total())));
        String who = String.join("、", r.investigators().stream().map(x -> x.name() + "（" + x.userId() + "）").toList());
        return new Shown(who, r.visitDate().toString(),
                r.householdConfirmed() ? m.invHouseholdYes(r.householdMembers()) : m.invHouseholdNo(), r.householdNote(),
                incomes, r.assets(), r.findings(), m.invRecordedBy(r.recordedBy(),
                        QueueView.when(r.recordedAt()), r.records()),
                m.invAttachmentCount(r.attachments() == null ? 0 : r.attachments().size()));
    }

    private static String yuan(BigDecimal b) {
        return b == null ? "—" : b.stripTrailingZeros().toPlainString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
