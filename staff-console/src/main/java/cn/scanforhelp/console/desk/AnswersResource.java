package cn.scanforhelp.console.desk;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.web.Chrome;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The district's canned answers for the hotline, kept by district officers and admins (intake owns them). */
@Path("/answers")
@RolesAllowed({"district-officer", "admin"})
@Produces(MediaType.TEXT_HTML)
public class AnswersResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance answers(Chrome.Frame chrome, List<IntakeApi.Answer> answers, String notice,
                String error);
    }

    private final IntakeServiceClient intake;
    private final Chrome chrome;

    public AnswersResource(@RestClient IntakeServiceClient intake, Chrome chrome) {
        this.intake = intake;
        this.chrome = chrome;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return page(saved == null ? null : MessageBundleAccess.desk(chrome).answerSaved(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> f) {
        return send(() -> intake.createAnswer(chrome.language(), body(f)));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, MultivaluedMap<String, String> f) {
        return send(() -> intake.updateAnswer(chrome.language(), id, body(f)));
    }

    private Response send(Runnable call) {
        try {
            call.run();
            return Response.seeOther(URI.create("/answers?saved=1")).build();
        } catch (ServiceProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            String message = p.fieldErrors().isEmpty() ? p.message() : String.join("；", p.fieldErrors().values());
            return Response.status(p.status()).entity(page(null, message)).build();
        }
    }

    private TemplateInstance page(String notice, String error) {
        return chrome.localize(Templates.answers(chrome.frame(), intake.answers(chrome.language(), true), notice, error));
    }

    private static Map<String, Object> body(MultivaluedMap<String, String> f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.getFirst("title"));
        m.put("body", f.getFirst("body"));
        m.put("retired", f.getFirst("retired") != null);
        return m;
    }
}
