package cn.scanforhelp.infra.config;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * With the {@code prod} profile a service refuses to start on the secrets that ship for local runs:
 * the cipher keys of application.properties and the demo client secrets of the realm files. The
 * message names the settings to set (property and environment variable), never their values.
 * {@code deploy/local/run} starts the packaged services with the profiles {@code prod,local}: the
 * production configuration on demo secrets, which the {@code local} profile alone permits.
 */
@ApplicationScoped
public class ProductionSecrets {

    /** The {@code sfh.cipher.*} defaults in every application.properties: published, so no secret. */
    static final Set<String> LOCAL_ONLY_KEYS = Set.of("bG9jYWwtb25seS1kZXYta2V5LTMyLWJ5dGVzLSEhISE=",
            "bG9jYWwtb25seS1oYXNoLWtleS0zMi1ieXRlcy0hISE=");
    /** deploy/keycloak/local ({@code *-local-secret}) and the application.properties fall-backs. */
    static final Pattern DEMO_CLIENT_SECRET =
            Pattern.compile(".*-local-secret|local-only-secret|(intake|case|notification)-service-secret|test-secret");
    static final String CLIENT_SECRET = "quarkus.oidc-client.credentials.secret";

    private final Config config;

    public ProductionSecrets(Config config) {
        this.config = config;
    }

    void check(@Observes StartupEvent start) {
        if (!applies(config.unwrap(SmallRyeConfig.class).getProfiles())) {
            return;
        }
        Map<String, String> settings = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("sfh.cipher.keys.") || name.equals("sfh.cipher.hash-key") || name.equals(CLIENT_SECRET)) {
                config.getOptionalValue(name, String.class).ifPresent(v -> settings.put(name, v));
            }
        }
        List<String> unset = localOnly(settings);
        if (!unset.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the prod profile on local-only secrets; set "
                    + String.join(", ", unset) + " (see docs/operations.md)");
        }
    }

    /** The prod profile, unless also {@code local} (deploy/local/run: a packaged build on one machine). */
    static boolean applies(List<String> profiles) {
        return profiles.contains("prod") && !profiles.contains("local");
    }

    /** The settings (property and environment variable) whose value is a local-only one. */
    public static List<String> localOnly(Map<String, String> settings) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(settings).forEach((name, value) -> {
            String v = value == null ? "" : value.strip();
            boolean local = name.equals(CLIENT_SECRET) ? v.isEmpty() || DEMO_CLIENT_SECRET.matcher(v).matches()
                    : v.isEmpty() || LOCAL_ONLY_KEYS.contains(v);
            if (local) {
                out.add(name + " (" + env(name) + ")");
            }
        });
        return out;
    }

    /** sfh.cipher.keys.k1 reads SFH_CIPHER_KEY_K1 (application.properties); the rest the standard mapping. */
    static String env(String property) {
        String p = property.startsWith("sfh.cipher.keys.") ? "sfh.cipher.key." + property.substring(16) : property;
        return p.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
