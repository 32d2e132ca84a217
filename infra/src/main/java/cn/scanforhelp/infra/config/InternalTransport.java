package cn.scanforhelp.infra.config;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * Full ID numbers and phones cross the network between the services, so with the {@code prod} profile a service
 * refuses to start when a REST client to another service ({@code quarkus.rest-client.<name>.url}) is plain
 * {@code http://}: inter-service calls go over TLS ({@code https://<service>:8443}, the TLS configuration
 * {@code internal}; docs/operations.md, "TLS between services"), unless {@code sfh.internal-transport=mesh-mtls}
 * says a service mesh wraps them in mutual TLS. Exempt like {@link ProductionSecrets}: the {@code local} profile of
 * {@code deploy/local/run}. The message names the settings, never a value beyond the scheme.
 */
@ApplicationScoped
public class InternalTransport {

    public static final String MODE = "sfh.internal-transport";
    public static final String MESH = "mesh-mtls";
    static final String PREFIX = "quarkus.rest-client.";
    static final String SUFFIX = ".url";

    private final Config config;

    public InternalTransport(Config config) {
        this.config = config;
    }

    void check(@Observes StartupEvent start) {
        check(config);
    }

    /** Throws when {@code config} is a production one with a plain-http inter-service URL and no mesh. */
    public static void check(Config config) {
        if (!ProductionSecrets.applies(config.unwrap(SmallRyeConfig.class).getProfiles())) {
            return;
        }
        Map<String, String> urls = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(v -> urls.put(name, v));
            }
        }
        List<String> plain = plainHttp(urls, config.getOptionalValue(MODE, String.class).orElse(""));
        if (!plain.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the prod profile: inter-service calls in clear ("
                    + String.join(", ", plain) + "); use https://<service>:8443 with quarkus.rest-client.<name>"
                    + ".tls-configuration-name=internal, or set " + MODE + "=" + MESH
                    + " (SFH_INTERNAL_TRANSPORT) when a service mesh provides mutual TLS (see docs/operations.md)");
        }
    }

    /** The URL settings (property and environment variable) that are plain http, unless a mesh provides mTLS. */
    public static List<String> plainHttp(Map<String, String> urls, String mode) {
        if (MESH.equals(mode.strip())) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        new TreeMap<>(urls).forEach((name, url) -> {
            if (url != null && url.strip().toLowerCase(Locale.ROOT).startsWith("http://")) {
                out.add(name + " (" + ProductionSecrets.env(name) + ")");
            }
        });
        return out;
    }
}
