package cn.scanforhelp.intake.web;

import cn.scanforhelp.infra.problem.Problem;
import cn.scanforhelp.infra.problem.ProblemMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 64 KB for JSON bodies, answered as a problem+json 413 (Vert.x's own limit,
 * {@code quarkus.http.limits.max-body-size}, is the absolute cap for alert batches and closes the
 * connection without a body). Checked on Content-Length before the body is read.
 */
@ApplicationScoped
public class BodyLimit {

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
            String length = ctx.request().getHeader("Content-Length");
            long limit = ctx.normalizedPath().startsWith("/api/v1/alerts") ? maxBatch : maxJson;
            long n;
            try {
                n = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                n = Long.MAX_VALUE;
            }
            if (n > limit) {
                Locale locale = locale(ctx.request().getHeader("Accept-Language"));
                Problem p = new Problem(Problem.TYPE_PREFIX + "payload-too-large",
                        ProblemMessages.text(locale, "payload-too-large.title"), 413,
                        ProblemMessages.text(locale, "payload-too-large.detail"), ctx.normalizedPath(), null, null);
                String body;
                try {
                    body = mapper.writeValueAsString(p);
                } catch (JsonProcessingException e) {
                    body = "{\"status\":413}";
                }
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Content-Language", locale.getLanguage()).putHeader("Connection", "close")
                        .end(body);
                return;
            }
            ctx.next();
        }, 1000);
    }

    static Locale locale(String acceptLanguage) {
        return ProblemMessages.localeOf(acceptLanguage);
    }
}
