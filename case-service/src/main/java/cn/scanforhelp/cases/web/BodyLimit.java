package cn.scanforhelp.cases.web;

import cn.scanforhelp.infra.web.BodyLimits;
import cn.scanforhelp.infra.web.BodyLimits.Limit;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * case-service's body limits (infra's {@link BodyLimits}, counting chunked bodies too): 64 KB
 * ({@code sfh.http.max-json-body}, SFH_MAX_BODY) everywhere, an investigation attachment's upload alone up to
 * the absolute cap ({@code quarkus.http.limits.max-body-size}, a little above {@code sfh.attachments.max-size}),
 * so the upload's cap does not become every endpoint's.
 */
@ApplicationScoped
public class BodyLimit {

    static final Pattern UPLOAD = Pattern.compile("/api/v1/cases/[^/]+/investigation/attachments/?");

    private final Limit json;
    private final Limit upload;
    private final ObjectMapper mapper;

    public BodyLimit(@ConfigProperty(name = "sfh.http.max-json-body", defaultValue = "64K") MemorySize maxJson,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxUpload, ObjectMapper mapper) {
        this.json = new Limit(maxJson.asLongValue(), "payload-too-large.detail", maxJson.asLongValue() / 1024 + " KB");
        this.upload = new Limit(maxUpload.asLongValue(), "payload-too-large.detail",
                maxUpload.asLongValue() / 1024 + " KB");
        this.mapper = mapper;
    }

    void register(@Observes Filters filters) {
        BodyLimits.install(filters, mapper, path -> UPLOAD.matcher(path).matches() ? upload : json);
    }
}
