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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProductionSecrets.class);
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
            if (isCipherKey(name) || name.equals(CLIENT_SECRET)) {
                config.getOptionalValue(name, String.class).ifPresent(v -> settings.put(name, v));
            }
        }
        List<String> unset = localOnly(settings);
        if (!unset.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the prod profile on local-only secrets; set "
                    + String.join(", ", unset) + " (see docs/operations.md)");
        }
        List<String> shared = sharedKeys(settings);
        if (!shared.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the prod profile: one key serves several uses ("
                    + String.join("; ", shared) + "); give each its own (see docs/operations.md, Keys and their rotation)");
        }
        String checks = keyChecks(settings);
        if (!checks.isEmpty()) {
            LOG.infof("cipher key checks (no two services may show the same): %s", checks);
        }
    }

    /** The cipher keys, AES and HMAC, among the settings. */
    static boolean isCipherKey(String name) {
        return name.startsWith("sfh.cipher.keys.") || name.equals("sfh.cipher.hash-key")
                || name.startsWith("sfh.cipher.hash-keys.");
    }

    /**
     * Cipher keys that hold the same value under several names (an AES key reused as the hash key, one key
     * under two ids): named, never shown. A key shared with another service cannot be seen from here; the
     * key checks logged at start ({@link #keyChecks}) show it when compared across the services.
     */
    public static List<String> sharedKeys(Map<String, String> settings) {
        Map<String, List<String>> byValue = new TreeMap<>();
        new TreeMap<>(settings).forEach((name, value) -> {
            if (isCipherKey(name) && value != null && !value.isBlank()) {
                byValue.computeIfAbsent(value.strip(), v -> new ArrayList<>()).add(name + " (" + env(name) + ")");
            }
        });
        return byValue.values().stream().filter(names -> names.size() > 1).map(names -> String.join(" = ", names))
                .sorted().toList();
    }

    /**
     * Each cipher key's check value: the first 8 hex digits of HMAC-SHA256(key, "sfh key check"), which tells
     * two keys apart without saying anything usable about either. Logged at start with the prod profile.
     */
    public static String keyChecks(Map<String, String> settings) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(settings).forEach((name, value) -> {
            if (isCipherKey(name) && value != null && !value.isBlank()) {
                out.add(name + "=" + keyCheck(value.strip()));
            }
        });
        return String.join(", ", out);
    }

    static String keyCheck(String base64Key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            byte[] check = mac.doFinal("sfh key check".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(check, 0, 4);
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return "unreadable";
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
