package cn.scanforhelp.infra.web;

import cn.scanforhelp.infra.problem.Problem;
import cn.scanforhelp.infra.problem.ProblemMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.function.Function;

/**
 * The body limit of every endpoint, enforced in the HTTP layer before any resource reads a byte, answered as a
 * problem+json 413; each service names its limit per path ({@link #install}): 64 KB ({@code sfh.http.max-json-body})
 * everywhere, more only on the few paths that carry a file (intake's alert and division imports, case-service's
 * investigation attachments), up to the absolute cap {@code quarkus.http.limits.max-body-size}.
 *
 * <p>A body that announces its length is refused on its Content-Length before it is read. A body sent in chunks
 * (no Content-Length) is read here, counting, and refused as soon as more than the limit has arrived; the
 * resources then read the buffered body (Quarkus REST takes a body already read into the routing context).
 * Without this, a chunked body was held only to the absolute cap, on every endpoint. Vert.x's {@code BodyHandler}
 * would do the reading, but it decodes a form post's fields on the way with Netty's per-field cap (a resident's
 * 1,000-character description, percent-encoded, is over it) and fails it with a 400; this only counts and keeps
 * the bytes.
 */
public final class BodyLimits {

    /** A path's limit and the 413's detail: a key of the problem bundle and its arguments. */
    public record Limit(long bytes, String detailKey, Object... detailArgs) {
    }

    private BodyLimits() {
    }

    /** Registers the limit filter (priority 1000, before the routes) with each request path's {@link Limit}. */
    public static void install(Filters filters, ObjectMapper mapper, Function<String, Limit> limitOf) {
        filters.register(ctx -> check(ctx, mapper, limitOf.apply(ctx.normalizedPath())), 1000);
    }

    static void check(RoutingContext ctx, ObjectMapper mapper, Limit limit) {
        String length = ctx.request().getHeader("Content-Length");
        long n;
        try {
            n = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            n = Long.MAX_VALUE;
        }
        if (n > limit.bytes()) {
            tooLarge(ctx, mapper, limit);
            return;
        }
        if (length == null && hasBody(ctx)) {
            readCounting(ctx, mapper, limit);
            return;
        }
        ctx.next();
    }

    /** Reads a body of unannounced length into the routing context, or answers 413 past the limit. */
    private static void readCounting(RoutingContext ctx, ObjectMapper mapper, Limit limit) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit.bytes()) {
                refused[0] = true;
                tooLarge(ctx, mapper, limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            if (!refused[0] && !ctx.response().ended()) {
                ctx.fail(e);
            }
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.resume();
    }

    /** Chunked in HTTP/1.1; in HTTP/2 a body needs no length either. */
    private static boolean hasBody(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        return !(HttpMethod.GET.equals(m) || HttpMethod.HEAD.equals(m) || HttpMethod.OPTIONS.equals(m));
    }

    private static void tooLarge(RoutingContext ctx, ObjectMapper mapper, Limit limit) {
        Locale locale = ProblemMessages.localeOf(ctx.request().getHeader("Accept-Language"));
        Problem p = new Problem(Problem.TYPE_PREFIX + "payload-too-large",
                ProblemMessages.text(locale, "payload-too-large.title"), 413,
                ProblemMessages.text(locale, limit.detailKey(), limit.detailArgs()), ctx.normalizedPath(), null, null);
        String body;
        try {
            body = mapper.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.getLanguage()).putHeader("Connection", "close").end(body);
    }
}
