package cn.scanforhelp.console.documents;

import cn.scanforhelp.console.cases.CaseApi;
import cn.scanforhelp.console.cases.CaseServiceClient;
import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.web.Chrome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The printable documents of a case, as PDF. */
@Path("/cases/{id}/documents")
@RolesAllowed({"township-reviewer", "district-officer"})
public class DocumentsResource {

    static final String PDF = "application/pdf";

    private final CaseServiceClient cases;
    private final Documents documents;
    private final Chrome chrome;

    public DocumentsResource(@RestClient CaseServiceClient cases, Documents documents, Chrome chrome) {
        this.cases = cases;
        this.documents = documents;
        this.chrome = chrome;
    }

    @GET
    @Path("{kind}.pdf")
    @Produces(PDF)
    public Response caseDocument(@PathParam("id") UUID id, @PathParam("kind") String kind) throws IOException {
        CaseApi.Details d = cases.get(chrome.language(), id);
        byte[] pdf = switch (kind) {
            case "acceptance" -> Documents.hasAcceptance(d) ? documents.acceptance(d) : null;
            case "materials" -> Documents.hasMaterials(d) ? documents.materials(d) : null;
            case "refusal" -> Documents.hasRefusal(d) ? documents.refusal(d) : null;
            default -> throw new ServiceProblem(404, null, null, null, Map.of());
        };
        if (pdf == null) {
            throw new ServiceProblem(409, null, chrome.msg().documentNotYet(), null, Map.of());
        }
        return pdf(pdf, kind + "-" + d.trackingNumber() + ".pdf");
    }

    static Response pdf(byte[] bytes, String name) {
        return Response.ok(bytes, PDF).header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
