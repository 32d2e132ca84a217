package cn.scanforhelp.console.dashboard;

import cn.scanforhelp.console.cases.CaseApi;
import cn.scanforhelp.console.cases.CaseServiceClient;
import cn.scanforhelp.console.cases.ProcedureCatalog;
import cn.scanforhelp.console.cases.ProcedureDoc;
import cn.scanforhelp.console.cases.StatsApi;
import cn.scanforhelp.console.web.Chrome;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The district officer's dashboard: per township the open cases at risk and overdue and the on-time rate,
 * applications per channel per week, satisfaction ratings, the open cases nearest or furthest past their deadline.
 * Every figure is case-service's, read with the officer's token (so scoped to the officer's division: a city-level
 * officer sees the city's townships); every figure links to the queue filtered to the same cases.
 */
@Path("/dashboard")
@RolesAllowed("district-officer")
public class DashboardResource {

    static final int WEEKS = 8;
    static final int OLDEST = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Chrome.Frame chrome, DashboardView view);
    }

    private final CaseServiceClient cases;
    private final ProcedureCatalog procedure;
    private final Chrome chrome;
    private final Clock clock;

    public DashboardResource(@RestClient CaseServiceClient cases, ProcedureCatalog procedure, Chrome chrome,
            Clock clock) {
        this.cases = cases;
        this.procedure = procedure;
        this.chrome = chrome;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        String lang = chrome.language();
        var msg = chrome.msg();
        ProcedureDoc doc = procedure.get();
        List<StatsApi.DivisionRow> divisions = cases.perDivision(lang);
        Map<String, String> names = new HashMap<>();
        List<DashboardView.Township> townships = new ArrayList<>();
        for (StatsApi.DivisionRow r : divisions) {
            townships.add(DashboardView.township(r));
            names.put(r.divisionCode(), r.townshipName() == null ? r.divisionCode() : r.townshipName());
        }
        List<LocalDate> mondays = DashboardView.mondays(LocalDate.now(clock), WEEKS);
        List<StatsApi.Report> perWeek = new ArrayList<>();
        List<String> weeks = new ArrayList<>();
        for (LocalDate monday : mondays) {
            perWeek.add(cases.statistics(lang, monday.toString(), monday.plusDays(6).toString()));
            weeks.add(monday.toString());
        }
        StatsApi.Report all = cases.statistics(lang, null, null);
        CaseApi.Page nearest = cases.queue(lang, null, null, null, null, null, null, 0, OLDEST, null);
        List<DashboardView.Oldest> oldest = new ArrayList<>();
        for (CaseApi.Summary s : nearest.items()) {
            if (s.nextDeadline() != null) {
                oldest.add(DashboardView.oldest(s, doc, chrome.locale(), msg.deadlineState(s.deadlineState())));
            }
        }
        DashboardView view = new DashboardView(townships, DashboardView.total(divisions, msg.allTownships()), weeks,
                DashboardView.channels(perWeek, msg::channel),
                DashboardView.ratings(all, names, doc, chrome.locale()), oldest, nearest.total());
        return chrome.localize(Templates.dashboard(chrome.frame(), view));
    }
}
