package cn.scanforhelp.console.sms;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.web.Chrome;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The district officer's SMS that went wrong (failed, undeliverable, expired, unknown), from notification-service
 * with the officer's token (so scoped to the officer's division): per row the case, what went wrong, and the two
 * things to do here, resend once and mark handled with a note; calling the resident starts from the case page.
 * The console decides nothing: "once only" and what may be handled are notification-service's 409s, shown as such.
 */
@Path("/sms-problems")
@RolesAllowed("district-officer")
public class SmsProblemsResource {

    static final int SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance smsProblems(Chrome.Frame chrome, SmsProblemsView view);
    }

    private final NotificationServiceClient notifications;
    private final Chrome chrome;

    public SmsProblemsResource(@RestClient NotificationServiceClient notifications, Chrome chrome) {
        this.notifications = notifications;
        this.chrome = chrome;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("view") @DefaultValue("open") String view,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("done") String done) {
        String notice = "resent".equals(done) ? problemsMsg().resentNotice()
                : "handled".equals(done) ? problemsMsg().handledNotice() : null;
        return render("all".equals(view), pageNumber(page), notice, null, null, null);
    }

    @POST
    @Path("{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response resend(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID message = message(id);
        try {
            notifications.resend(chrome.language(), message);
        } catch (ServiceProblem p) {
            return refused(p, id, null);
        }
        return Response.seeOther(URI.create("/sms-problems?done=resent")).build();
    }

    @POST
    @Path("{id}/handled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response handled(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID message = message(id);
        String note = form.getFirst("note") == null ? "" : form.getFirst("note");
        try {
            notifications.handled(chrome.language(), message, new NotificationServiceClient.HandledNote(note));
        } catch (ServiceProblem p) {
            return refused(p, id, note);
        }
        return Response.seeOther(URI.create("/sms-problems?done=handled")).build();
    }

    /** notification-service's 400 / 409 on this page, at its row; anything else is the error page's. */
    private Response refused(ServiceProblem p, String id, String note) {
        if (p.status() != 400 && p.status() != 409) {
            throw p;
        }
        String message = p.fieldErrors().getOrDefault("note", p.message());
        if (message == null || message.isBlank()) {
            message = chrome.msg().refused();
        }
        TemplateInstance page = render(false, 0, null, message, id, note);
        return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    private TemplateInstance render(boolean all, int page, String notice, String error, String errorRow,
            String note) {
        var msg = chrome.msg();
        NotificationServiceClient.ProblemPage p = notifications.problems(chrome.language(), all ? "all" : "open", page,
                SIZE);
        var rows = p.items().stream().map(i -> SmsProblemsView.row(i, msg, problemsMsg())).toList();
        SmsProblemsView view = new SmsProblemsView(rows, all, p.total(), SmsProblemsView.pageUrl(all, page - 1, page > 0),
                SmsProblemsView.pageUrl(all, page + 1, (long) (page + 1) * SIZE < p.total()), notice, error, errorRow,
                note != null, note == null ? "" : note);
        return chrome.localize(Templates.smsProblems(chrome.frame(), view));
    }

    private static UUID message(String id) {
        UUID u = SmsProblemsView.uuid(id);
        if (u == null) {
            throw new NotFoundException();
        }
        return u;
    }

    private static int pageNumber(String page) {
        try {
            int n = Integer.parseInt(page);
            if (n >= 0 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // below: a 400 page
        }
        throw new jakarta.ws.rs.BadRequestException();
    }

    private SmsProblemsMsg problemsMsg() {
        return chrome.english() ? MessageBundles.get(SmsProblemsMsg.class, Localized.Literal.of("en"))
                : MessageBundles.get(SmsProblemsMsg.class);
    }
}
