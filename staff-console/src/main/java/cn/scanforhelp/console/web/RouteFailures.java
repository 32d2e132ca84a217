package cn.scanforhelp.console.web;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.logging.LogRecord;
import org.jboss.logging.Logger;

/**
 * Failures outside the REST layer (a Vert.x route, a handler before RESTEasy), as infra's RouteFailures does for
 * the services (the console does not depend on infra): logged with the error id, the class and the frames
 * ({@link ErrorPages#frames}), the method and the path, never the query string or a message; answered with a short
 * page naming the error id. Security failures, other statuses and a lost client go on to Quarkus' handler, whose
 * log lines lose the query and the exception's messages through a filter on its logger.
 */
@ApplicationScoped
public class RouteFailures {

    static final String QUARKUS_HANDLER = "io.quarkus.vertx.http.runtime.QuarkusErrorHandler";
    private static final Logger LOG = Logger.getLogger(RouteFailures.class);
    /** Held so the logger keeps its filter. */
    private static final java.util.logging.Logger QUARKUS_LOG = java.util.logging.Logger.getLogger(QUARKUS_HANDLER);

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
        LOG.errorf("request failed outside the REST layer, %s %s: %s (error id %s)%s", ctx.request().method(),
                ctx.request().path(), e.getClass().getName(), errorId, ErrorPages.frames(e));
        ctx.response().setStatusCode(500).putHeader("Content-Type", "text/html; charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>系统内部错误</title></head>"
                        + "<body><main><h1>系统内部错误</h1><p>错误编号 " + errorId + "</p></main></body></html>");
    }

    private static boolean passedOn(Throwable e) {
        return e instanceof io.quarkus.security.AuthenticationException
                || e instanceof io.quarkus.security.UnauthorizedException
                || e instanceof io.quarkus.security.ForbiddenException
                || e instanceof java.util.concurrent.RejectedExecutionException
                || e instanceof java.io.IOException || e instanceof io.vertx.core.VertxException;
    }

    /** The URI parameter cut at '?', the exception replaced by its class and frames only. */
    static boolean redact(LogRecord r) {
        Object[] params = r.getParameters();
        if (params != null && params.length > 0 && params[0] instanceof String uri) {
            Object[] copy = params.clone();
            int q = uri.indexOf('?');
            copy[0] = q < 0 ? uri : uri.substring(0, q);
            r.setParameters(copy);
        }
        if (r.getThrown() != null) {
            Throwable t = r.getThrown();
            r.setThrown(null);
            if (r.getParameters() != null && r.getParameters().length > 1) {
                Object[] copy = r.getParameters().clone();
                copy[copy.length - 1] = copy[copy.length - 1] + ErrorPages.frames(t);
                r.setParameters(copy);
            }
        }
        return true;
    }
}
