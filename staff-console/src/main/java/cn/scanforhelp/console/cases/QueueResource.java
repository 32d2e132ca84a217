package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.web.Chrome;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The township's queue: nearest statutory deadline first, counters per deadline state, filters, paging. */
@Path("/")
@RolesAllowed({"township-reviewer", "district-officer"})
public class QueueResource {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Chrome.Frame chrome, QueueView view, int pollSeconds);
    }

    private final CaseServiceClient cases;
    private final ProcedureCatalog procedure;
    private final Chrome chrome;

    private final int pollSeconds;

    public QueueResource(@RestClient CaseServiceClient cases, ProcedureCatalog procedure, Chrome chrome,
            @ConfigProperty(name = "sfh.console.queue-poll-seconds", defaultValue = "30") int pollSeconds) {
        this.cases = cases;
        this.procedure = procedure;
        this.chrome = chrome;
        this.pollSeconds = pollSeconds;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("channel") String channel, @QueryParam("deadlineState") String deadlineState,
            @QueryParam("escalated") String escalated, @QueryParam("text") String text,
            @QueryParam("division") String division, @QueryParam("page") @DefaultValue("0") String page) {
        QueueView.Filter f = new QueueView.Filter(blank(status), blank(type), blank(channel), blank(deadlineState),
                blank(escalated), blank(text), blank(division), QueueView.pageNumber(page));
        if (f.division() != null && !f.division().matches("[0-9]{2,12}")) {
            throw new ServiceProblem(400, null, chrome.msg().badFilter("division"), null, java.util.Map.of());
        }
        check("status", f.status(), procedure.stateNames());
        check("type", f.type(), procedure.typeNames());
        check("channel", f.channel(), java.util.List.of("QR", "HOTLINE", "MONITORING", "WINDOW"));
        check("deadlineState", f.deadlineState(), java.util.List.of("ON_TRACK", "AT_RISK", "OVERDUE"));
        check("escalated", f.escalated(), java.util.List.of("true", "false"));
        String lang = chrome.language();
        CaseApi.Page p = cases.queue(lang, f.status(), f.type(), f.channel(), f.deadlineState(), f.text(),
                f.escalatedFlag(), f.page(), PAGE_SIZE, f.division());
        CaseApi.DeadlineCounts n = cases.deadlineCounts(lang, f.division());
        QueueView view = QueueView.of(f, p, n.onTrack(), n.atRisk(), n.overdue(), procedure.get(), chrome.locale(),
                chrome.msg());
        return chrome.localize(Templates.queue(chrome.frame(), view, pollSeconds));
    }

    /** A filter value the queue cannot have is a clear 400 page, not a silent "any". */
    private void check(String name, String value, java.util.List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new ServiceProblem(400, null, chrome.msg().badFilter(name), null, java.util.Map.of());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
