package cn.scanforhelp.intake.web;

import cn.scanforhelp.infra.web.BodyLimits;
import cn.scanforhelp.infra.web.BodyLimits.Limit;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * intake's body limits (infra's {@link BodyLimits}, counting chunked bodies too): 64 KB
 * ({@code sfh.http.max-json-body}) everywhere, the alert and division imports alone up to the batch cap
 * ({@code quarkus.http.limits.max-body-size}, 4 MB: 10,000 CSV rows), each 413 saying which.
 */
@ApplicationScoped
public class BodyLimit {

    static final String ALERTS = "/api/v1/alerts";
    /** A province's division file is about 1 MB (Gansu: 19,224 divisions). */
    static final String DIVISION_IMPORT = "/api/v1/divisions/import";

    private final Limit json;
    private final Limit alerts;
    private final Limit divisions;
    private final ObjectMapper mapper;

    public BodyLimit(@ConfigProperty(name = "sfh.http.max-json-body", defaultValue = "64K") MemorySize maxJson,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBatch, ObjectMapper mapper) {
        this.json = new Limit(maxJson.asLongValue(), "payload-too-large.detail");
        this.alerts = new Limit(maxBatch.asLongValue(), "payload-too-large.detail-batch");
        this.divisions = new Limit(maxBatch.asLongValue(), "payload-too-large.detail-divisions");
        this.mapper = mapper;
    }

    void register(@Observes Filters filters) {
        BodyLimits.install(filters, mapper, path -> path.startsWith(ALERTS) ? alerts
                : path.equals(DIVISION_IMPORT) ? divisions : json);
    }
}
