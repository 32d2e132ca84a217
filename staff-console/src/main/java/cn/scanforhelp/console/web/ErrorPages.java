package cn.scanforhelp.console.web;

import cn.scanforhelp.console.cases.ServiceProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Whatever goes wrong becomes a clear page in the user's language, never a stack trace. Logs name the
 * failure's type, an error id (also on the page) and the stack frames only: no message text, which could
 * quote a value, the query or the form.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Chrome.Frame chrome, String message, int status);
    }

    private final Chrome chrome;

    public ErrorPages(Chrome chrome) {
        this.chrome = chrome;
    }

    @ServerExceptionMapper
    public Response service(ServiceProblem p) {
        Msg m = chrome.msg();
        return switch (p.status()) {
            case 404 -> page(404, m.notFound());
            case 403 -> page(403, m.forbiddenRole());
            case 400, 409, 412, 428, 429 -> page(p.status(), p.message().isBlank() ? m.refused() : p.message());
            default -> {
                LOG.warnf("case-service answered %d (%s)", p.status(), p.type());
                yield page(502, m.serviceUnavailable());
            }
        };
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("case-service unreachable: %s", e.getClass().getName());
        return page(503, chrome.msg().serviceUnavailable());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String here = chrome.here();
        return page(403, here.startsWith("/dashboard") ? chrome.msg().forbiddenDashboard()
                : here.startsWith("/sms-problems") ? chrome.msg().forbiddenSmsProblems()
                : here.startsWith("/sampling") ? chrome.msg().forbiddenSampling() : chrome.msg().forbiddenRole());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404 || status == 405) {
            return page(404, chrome.msg().notFound());
        }
        if (status < 500) {
            return page(status, chrome.msg().refused());
        }
        return other(e);
    }

    /**
     * A form whose CSRF token is not even well-formed (cut, typed by hand, forged): quarkus-rest-csrf's filter fails
     * decoding it with an IllegalArgumentException, which would be a 500. It is the form that is wrong: a 400 page
     * that says to reload the form. Any other IllegalArgumentException is a failure of ours.
     */
    @ServerExceptionMapper
    public Response malformed(IllegalArgumentException e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("io.quarkus.csrf.")) {
                return page(400, chrome.msg().formExpired());
            }
        }
        return other(e);
    }

    @ServerExceptionMapper
    public Response other(Throwable e) {
        String errorId = java.util.UUID.randomUUID().toString();
        LOG.errorf("page failed: %s (error id %s)%s", e.getClass().getName(), errorId, frames(e));
        return page(500, chrome.msg().internalError() + " " + chrome.msg().errorId(errorId));
    }

    /**
     * The failure's stack, each exception by its class and frames only, down its causes: no message, which may quote
     * the query, the form or a value case-service sent.
     */
    static String frames(Throwable e) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            sb.append(t == e ? "\n" : "\ncaused by ").append(t.getClass().getName());
            for (StackTraceElement f : t.getStackTrace()) {
                sb.append("\n\tat ").append(f);
            }
        }
        return sb.toString();
    }

    private Response page(int status, String message) {
        String html = chrome.localize(Templates.error(chrome.frame(), message, status)).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").build();
    }
}
