package cn.scanforhelp.console.documents;

import cn.scanforhelp.console.cases.CaseApi;
import cn.scanforhelp.console.cases.CaseServiceClient;
import cn.scanforhelp.console.cases.ProcedureCatalog;
import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.web.Chrome;
import cn.scanforhelp.console.web.ClockProducer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A village's 公示 list as PDF: the cases under public notice in the village of a given case. */
@Path("/documents")
@RolesAllowed({"township-reviewer", "district-officer"})
public class PublicNoticeResource {

    private final CaseServiceClient cases;
    private final ProcedureCatalog procedure;
    private final Documents documents;
    private final Chrome chrome;

    private final String publicBaseUrl;

    public PublicNoticeResource(@RestClient CaseServiceClient cases, ProcedureCatalog procedure, Documents documents,
            Chrome chrome, @org.eclipse.microprofile.config.inject.ConfigProperty(name = "sfh.public-base-url",
                    defaultValue = "http://localhost:8081") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.cases = cases;
        this.procedure = procedure;
        this.documents = documents;
        this.chrome = chrome;
    }

    /** The 公示 list of one village: the cases under public notice there, as only a notice may show them. */
    @GET
    @Path("public-notice.pdf")
    @Produces(DocumentsResource.PDF)
    public Response publicNotice(@QueryParam("case") UUID caseId) throws IOException {
        if (caseId == null) {
            throw new ServiceProblem(400, null, chrome.msg().badFilter("case"), null, Map.of());
        }
        CaseApi.Details from = cases.get(chrome.language(), caseId);
        List<Documents.NoticeLine> lines = new ArrayList<>();
        String ends = null;
        for (int page = 0; page < 10; page++) {
            CaseApi.Page p = cases.queue(chrome.language(), "PUBLIC_NOTICE", null, null, null, from.villageName(), null,
                    page, 100, null);
            for (CaseApi.Summary s : p.items()) {
                if (!from.divisionCode().equals(s.divisionCode()) || from.villageName() == null
                        || !from.villageName().equals(s.villageName())) {
                    continue;
                }
                CaseApi.Details d = cases.get(chrome.language(), s.id());
                if (!from.villageCode().equals(d.villageCode())) {
                    continue;
                }
                // the name as case-service masks it for the notice (张*), the same as the public page, not staff's 张*三
                lines.add(new Documents.NoticeLine(d.noticeName() == null ? "*" : d.noticeName(), d.householdSize(),
                        procedure.get().types().get(d.type()).zh(),
                        d.amountYuan() == null ? "按标准核定" : d.amountYuan().toPlainString()));
                if (d.noticeEndsAt() != null) {
                    ends = d.noticeEndsAt().atZoneSameInstant(ClockProducer.ZONE)
                            .format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
                }
            }
            if (p.items().size() < 100) {
                break;
            }
        }
        String period = ends == null ? "7天" : "7天（至" + ends + "）";
        return DocumentsResource.pdf(documents.noticeList(from.townshipName(), from.villageName() == null ? "" : from.villageName(), lines,
                period, publicBaseUrl + "/notices/" + from.divisionCode()), "public-notice-" + from.villageCode() + ".pdf");
    }

}
