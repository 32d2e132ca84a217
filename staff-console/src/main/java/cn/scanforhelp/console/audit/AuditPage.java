package cn.scanforhelp.console.audit;

import cn.scanforhelp.console.cases.CaseServiceClient;
import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.web.Chrome;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The audit search: who read or changed which case, revealed what and why, when. For district officers and
 * auditors; case-service scopes the trail to the user's division and refuses filters it cannot take (shown in the
 * form's error summary). No personal data: the trail holds none.
 */
@Path("/audit")
@RolesAllowed({"district-officer", "auditor"})
public class AuditPage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Chrome.Frame chrome, AuditView view, boolean searched);
    }

    private final CaseServiceClient cases;
    private final Chrome chrome;
    private final SecurityIdentity identity;

    public AuditPage(@RestClient CaseServiceClient cases, Chrome chrome, SecurityIdentity identity) {
        this.cases = cases;
        this.chrome = chrome;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response search(@QueryParam("actor") String actor, @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page) {
        int p = page == null || page.isBlank() ? 0 : parsePage(page);
        AuditView.Filter f = new AuditView.Filter(blank(actor), blank(trackingNumber), blank(action), blank(from),
                blank(to), p);
        boolean linkCases = identity.hasRole("district-officer");
        try {
            AuditApi.Entries found = cases.audit(chrome.language(), f.actor(), f.trackingNumber(), f.action(), f.from(),
                    f.to(), f.page(), PAGE_SIZE);
            AuditView view = AuditView.of(f, found, linkCases, chrome.msg());
            return Response.ok(chrome.localize(Templates.audit(chrome.frame(), view, true))).build();
        } catch (ServiceProblem e) {
            if (e.status() != 400) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
            if (errors.isEmpty()) {
                errors.put("actor", e.message());
            }
            AuditView view = AuditView.of(f, null, linkCases, chrome.msg()).withErrors(errors);
            return Response.status(400).entity(chrome.localize(Templates.audit(chrome.frame(), view, false)))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    private int parsePage(String page) {
        try {
            int n = Integer.parseInt(page.trim());
            if (n >= 0 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ServiceProblem(400, null, chrome.msg().badFilter("page"), null, Map.of());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
