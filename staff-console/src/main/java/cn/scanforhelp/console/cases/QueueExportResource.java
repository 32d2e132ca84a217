package cn.scanforhelp.console.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The queue's 导出 links: the queue's current filters passed to case-service's case-list export, the file handed on
 * as it came (case-service masks the names, bounds the rows, audits the export, and refuses a bad filter: the
 * error page then says which).
 */
@Path("/export")
@RolesAllowed({"township-reviewer", "district-officer"})
public class QueueExportResource {

    private final CaseServiceClient cases;
    private final cn.scanforhelp.console.web.Chrome chrome;

    public QueueExportResource(@RestClient CaseServiceClient cases, cn.scanforhelp.console.web.Chrome chrome) {
        this.cases = cases;
        this.chrome = chrome;
    }

    @GET
    @Path("cases.{format: csv|xlsx}")
    public Response export(@PathParam("format") String format, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("channel") String channel,
            @QueryParam("deadlineState") String deadlineState, @QueryParam("escalated") String escalated,
            @QueryParam("text") String text, @QueryParam("division") String division) {
        Boolean flag = "true".equals(escalated) ? Boolean.TRUE : "false".equals(escalated) ? Boolean.FALSE : null;
        try (Response r = cases.exportCases(chrome.language(), format, blank(status), blank(type), blank(channel),
                blank(deadlineState), blank(text), flag, blank(division))) {
            byte[] body = r.readEntity(byte[].class);
            String truncated = r.getHeaderString("X-Export-Truncated");
            return Response.ok(body, r.getMediaType())
                    .header("Content-Disposition", "attachment; filename=\"cases." + format + "\"")
                    .header("Cache-Control", "no-store")
                    .header("X-Export-Truncated", truncated == null ? "false" : truncated).build();
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
