package cn.scanforhelp.cases.web;

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
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The body limit of every endpoint, before any resource reads a byte: 64 KB ({@code sfh.http.max-json-body},
 * SFH_MAX_BODY) everywhere, an investigation attachment's upload alone up to the absolute cap
 * ({@code quarkus.http.limits.max-body-size}, a little above {@code sfh.attachments.max-size}), answered as a
 * problem+json 413. A body that announces its length is refused on its Content-Length; one sent in chunks is
 * counted as it arrives (as intake-service's BodyLimit does), so the upload's cap does not become every
 * endpoint's.
 */
@ApplicationScoped
public class BodyLimit {

    static final Pattern UPLOAD = Pattern.compile("/api/v1/cases/[^/]+/investigation/attachments/?");

    private final long maxJson;
    private final long maxUpload;
    private final ObjectMapper mapper;

    public BodyLimit(@ConfigProperty(name = "sfh.http.max-json-body", defaultValue = "64K") MemorySize maxJson,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxUpload, ObjectMapper mapper) {
        this.maxJson = maxJson.asLongValue();
        this.maxUpload = maxUpload.asLongValue();
        this.mapper = mapper;
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            long limit = UPLOAD.matcher(ctx.normalizedPath()).matches() ? maxUpload : maxJson;
            String length = ctx.request().getHeader("Content-Length");
            long n;
            try {
                n = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                n = Long.MAX_VALUE;
            }
            if (n > limit) {
                tooLarge(ctx, limit);
                return;
            }
            if (length == null && hasBody(ctx)) {
                readCounting(ctx, limit);
                return;
            }
            ctx.next();
        }, 1000);
    }

    private void readCounting(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                tooLarge(ctx, limit);
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

    private static boolean hasBody(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        return !(HttpMethod.GET.equals(m) || HttpMethod.HEAD.equals(m) || HttpMethod.OPTIONS.equals(m));
    }

    private void tooLarge(RoutingContext ctx, long limit) {
        Locale locale = ProblemMessages.localeOf(ctx.request().getHeader("Accept-Language"));
        Problem p = new Problem(Problem.TYPE_PREFIX + "payload-too-large",
                ProblemMessages.text(locale, "payload-too-large.title"), 413,
                ProblemMessages.text(locale, "payload-too-large.detail", limit / 1024 + " KB"),
                ctx.normalizedPath(), null, null);
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
