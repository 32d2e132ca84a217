package cn.scanforhelp.intake.web;

import cn.scanforhelp.infra.problem.Problem;
import cn.scanforhelp.infra.problem.ProblemMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The body limit of every endpoint, enforced in the HTTP layer before any resource reads a byte: 64 KB
 * ({@code sfh.http.max-json-body}) everywhere, the alert and division imports alone up to the batch cap
 * ({@code quarkus.http.limits.max-body-size}, 4 MB: 10,000 CSV rows), answered as a problem+json 413.
 *
 * <p>A body that announces its length is refused on its Content-Length before it is read. A body sent
 * in chunks (no Content-Length) is read here, counting, and refused as soon as more than the limit has
 * arrived; the resources then read the buffered body (Quarkus REST takes a body already read into the
 * routing context). Without this, a chunked body was held only to the 4 MB cap of the alert import, on
 * every endpoint. Vert.x's {@code BodyHandler} would do the reading, but it decodes a form post's fields
 * on the way with Netty's per-field cap (a resident's 1,000-character description, percent-encoded, is
 * over it) and fails it with a 400; the few lines here only count and keep the bytes.
 */
@ApplicationScoped
public class BodyLimit {

    static final String ALERTS = "/api/v1/alerts";
    /** A province's division file is about 1 MB (Gansu: 19,224 divisions). */
    static final String DIVISION_IMPORT = "/api/v1/divisions/import";

    private final long maxJson;
    private final long maxBatch;
    private final ObjectMapper mapper;

    public BodyLimit(@ConfigProperty(name = "sfh.http.max-json-body", defaultValue = "64K") MemorySize maxJson,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBatch, ObjectMapper mapper) {
        this.maxJson = maxJson.asLongValue();
        this.maxBatch = maxBatch.asLongValue();
        this.mapper = mapper;
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            boolean batch = ctx.normalizedPath().startsWith(ALERTS) || ctx.normalizedPath().equals(DIVISION_IMPORT);
            long limit = batch ? maxBatch : maxJson;
            String length = ctx.request().getHeader("Content-Length");
            long n;
            try {
                n = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                n = Long.MAX_VALUE;
            }
            if (n > limit) {
                tooLarge(ctx, batch);
                return;
            }
            if (length == null && hasBody(ctx)) {
                readCounting(ctx, limit, batch);
                return;
            }
            ctx.next();
        }, 1000);
    }

    /** Reads a body of unannounced length into the routing context, or answers 413 past the limit. */
    private void readCounting(RoutingContext ctx, long limit, boolean batch) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                tooLarge(ctx, batch);
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

    private void tooLarge(RoutingContext ctx, boolean batch) {
        Locale locale = ProblemMessages.localeOf(ctx.request().getHeader("Accept-Language"));
        Problem p = new Problem(Problem.TYPE_PREFIX + "payload-too-large",
                ProblemMessages.text(locale, "payload-too-large.title"), 413,
                ProblemMessages.text(locale, !batch ? "payload-too-large.detail"
                        : ctx.normalizedPath().equals(DIVISION_IMPORT) ? "payload-too-large.detail-divisions"
                        : "payload-too-large.detail-batch"),
                ctx.normalizedPath(), null, null);
        String body;
        try {
            body = mapper.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.getLanguage()).putHeader("Connection", "close")
                .end(body);
    }
}
