package cn.scanforhelp.infra.web;

import cn.scanforhelp.infra.problem.Problem;
import cn.scanforhelp.infra.problem.ProblemMessages;
import cn.scanforhelp.infra.problem.RedactedFailure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.LogRecord;
import org.jboss.logging.Logger;

/**
 * Failures outside the REST layer (a Vert.x route, a body the HTTP server refuses to read, a handler before
 * RESTEasy) as the log may show them: the error id, the class and the stack frames ({@link RedactedFailure}),
 * the method and the path, never the query string, the body or an exception's message. Quarkus' own handler
 * logs the whole request URI and the messages; this failure handler answers first with a 500 problem+json
 * naming the error id. Security failures (401, 403, the sign-in redirect), failures with another status and
 * an overloaded worker pool go on to Quarkus' handler, whose log lines are redacted the same way by a filter
 * on its logger (kept for anything it still logs, such as a client that went away).
 */
@ApplicationScoped
public class RouteFailures {

    static final String QUARKUS_HANDLER = "io.quarkus.vertx.http.runtime.QuarkusErrorHandler";
    private static final Logger LOG = Logger.getLogger(RouteFailures.class);
    /** Held so the logger keeps its filter. */
    private static final java.util.logging.Logger QUARKUS_LOG = java.util.logging.Logger.getLogger(QUARKUS_HANDLER);

    private final ObjectMapper mapper;

    public RouteFailures(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void redactQuarkusHandler(@Observes StartupEvent start) {
        QUARKUS_LOG.setFilter(RouteFailures::redact);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        Throwable e = ctx.failure();
        if (e == null || passedOn(e) || ctx.statusCode() > 0 && ctx.statusCode() != 500 || ctx.response().ended()
                || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        String errorId = UUID.randomUUID().toString();
        String path = ctx.request().path();
        LOG.errorf(RedactedFailure.of(e), "unexpected failure %s outside the REST layer, %s %s (error id %s)",
                e.getClass().getName(), ctx.request().method(), path, errorId);
        Locale locale = ProblemMessages.localeOf(ctx.request().getHeader("Accept-Language"));
        Problem body = new Problem(Problem.TYPE_PREFIX + "internal-error",
                ProblemMessages.text(locale, "internal-error.title"), 500,
                ProblemMessages.text(locale, "internal-error.detail"), path, List.of(), Map.of("errorId", errorId));
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException x) {
            json = "{\"status\":500,\"errorId\":\"" + errorId + "\"}";
        }
        ctx.response().setStatusCode(500).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.getLanguage()).end(json);
    }

    /** What Quarkus' handler answers best: security (challenge, redirect, 403) and the worker pool's 503. */
    private static boolean passedOn(Throwable e) {
        return e instanceof io.quarkus.security.AuthenticationException
                || e instanceof io.quarkus.security.UnauthorizedException
                || e instanceof io.quarkus.security.ForbiddenException
                || e instanceof java.util.concurrent.RejectedExecutionException
                || e instanceof java.io.IOException || e instanceof io.vertx.core.VertxException;
    }

    /**
     * Quarkus' handler logs "HTTP Request to %s failed, error id: %s" with the request URI and the exception:
     * the URI loses its query, the exception its messages.
     */
    static boolean redact(LogRecord r) {
        Object[] params = r.getParameters();
        if (params != null && params.length > 0 && params[0] instanceof String uri) {
            Object[] copy = params.clone();
            int q = uri.indexOf('?');
            copy[0] = q < 0 ? uri : uri.substring(0, q);
            r.setParameters(copy);
        }
        if (r.getThrown() != null && !(r.getThrown() instanceof RedactedFailure)) {
            r.setThrown(RedactedFailure.of(r.getThrown()));
        }
        return true;
    }
}
