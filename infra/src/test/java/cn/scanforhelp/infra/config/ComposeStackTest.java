package cn.scanforhelp.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compose stack (deploy/compose) offline, without podman: every service gets what it needs in production
 * (its own database and user, its own client secret and cipher keys, the other services by name), every
 * container restarts and runs read-only, and every secret the file uses is one deploy/compose/run writes to
 * .env. Running the stack is deploy/compose/run, smoke and kill-check (root and podman, not in this build).
 */
class ComposeStackTest {

    private static final Path COMPOSE = Path.of("..", "deploy", "compose");
    private static final List<String> SERVICES = List.of("intake-service", "case-service", "notification-service");
    private static final Map<String, String> DATABASE = Map.of("intake-service", "intake", "case-service", "cases",
            "notification-service", "notification");

    /** Each service's settings: its own lines plus those of the anchors it merges ({@code <<: *name}). */
    static Map<String, Map<String, String>> services(String yaml) {
        Map<String, Map<String, String>> anchors = new LinkedHashMap<>();
        Map<String, Map<String, String>> services = new LinkedHashMap<>();
        Map<String, String> current = null;
        String top = null;
        Pattern keyValue = Pattern.compile("^\\s+([A-Za-z_][A-Za-z0-9_.-]*):\\s*(.*?)\\s*(#.*)?$");
        Pattern anchor = Pattern.compile("^(x-[a-z-]+):\\s*&([a-z-]+)\\s*$");
        Pattern merge = Pattern.compile("^\\s+<<:\\s*\\*([a-z-]+)\\s*$");
        for (String line : yaml.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m;
            if (!line.startsWith(" ")) {
                top = line.replaceAll(":.*", "");
                current = null;
                if ((m = anchor.matcher(line)).matches()) {
                    current = new LinkedHashMap<>();
                    anchors.put(m.group(2), current);
                }
            } else if ("services".equals(top) && line.matches("^  [a-z-]+:\\s*$")) {
                current = new LinkedHashMap<>();
                services.put(line.strip().replace(":", ""), current);
            } else if (current != null && (m = merge.matcher(line)).matches()) {
                current.putAll(anchors.getOrDefault(m.group(1), Map.of()));
            } else if (current != null && (m = keyValue.matcher(line)).matches()) {
                current.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
            }
        }
        return services;
    }

    private static String read(String file) throws IOException {
        return Files.readString(COMPOSE.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void theTlsFilesAreNamedInAPropertiesFileEveryServiceMounts() throws IOException {
        // Quarkus maps no environment variable onto a named TLS configuration: the keys must come from a file
        java.util.Properties tls = new java.util.Properties();
        tls.load(new java.io.StringReader(read("internal-tls.properties")));
        assertEquals("/etc/sfh/tls/tls.crt", tls.getProperty("quarkus.tls.internal.key-store.pem.0.cert"));
        assertEquals("/etc/sfh/tls/tls.key", tls.getProperty("quarkus.tls.internal.key-store.pem.0.key"));
        assertEquals("/etc/sfh/tls/ca.crt", tls.getProperty("quarkus.tls.internal.trust-store.pem.certs"));
        String compose = read("compose.yaml");
        for (String s : List.of("intake-service", "case-service", "notification-service", "staff-console")) {
            assertTrue(compose.contains("- ./.tls/" + s + ":/etc/sfh/tls:ro"), s + " mounts its certificate");
        }
        assertEquals(4, compose.split("- ./internal-tls.properties:/etc/sfh/config/internal-tls.properties:ro", -1).length - 1);
    }

    @Test
    void everyServiceHasItsOwnDatabaseSecretsAndKeysAndFindsTheOthersByName() throws IOException {
        Map<String, Map<String, String>> services = services(read("compose.yaml"));
        Set<String> secretVariables = new HashSet<>();
        for (String s : SERVICES) {
            Map<String, String> env = services.get(s);
            assertEquals("jdbc:postgresql://postgres:5432/" + DATABASE.get(s), env.get("QUARKUS_DATASOURCE_JDBC_URL"), s);
            assertEquals(DATABASE.get(s), env.get("QUARKUS_DATASOURCE_USERNAME"), s);
            assertEquals("prod", env.get("QUARKUS_PROFILE"), s + " runs with the prod profile, never local");
            assertEquals("http://keycloak:8180/realms/scan-for-help", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"), s);
            assertEquals(s, env.get("QUARKUS_OIDC_CLIENT_CLIENT_ID"), s);
            // between the services: HTTPS with the TLS configuration internal, as the prod profile demands
            for (String other : List.of("intake-service", "case-service", "notification-service")) {
                String client = "QUARKUS_REST_CLIENT_" + other.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
                assertEquals("https://" + other + ":8443", env.get(client + "_URL"), s);
                assertEquals("internal", env.get(client + "_TLS_CONFIGURATION_NAME"), s);
            }
            assertEquals(List.of(), InternalTransport.plainHttp(Map.of(
                    "quarkus.rest-client.case-service.url", env.get("QUARKUS_REST_CLIENT_CASE_SERVICE_URL")),
                    env.getOrDefault("SFH_INTERNAL_TRANSPORT", "")), s + ": no call in clear, no mesh pretended");
            assertEquals("8443", env.get("QUARKUS_HTTP_SSL_PORT"), s);
            assertEquals("internal", env.get("QUARKUS_HTTP_TLS_CONFIGURATION_NAME"), s);
            assertEquals("/etc/sfh/config/internal-tls.properties", env.get("QUARKUS_CONFIG_LOCATIONS"), s);
            assertTrue(env.containsKey("SFH_PUBLIC_BASE_URL"), s + ": the public base URL of posters and links");
            for (String key : List.of("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET",
                    "SFH_CIPHER_KEY_K1", "SFH_CIPHER_HASH_KEY")) {
                String value = env.get(key);
                assertTrue(value != null && value.matches("\\$\\{SFH_[A-Z_]+}"), s + " " + key + " = " + value);
                assertTrue(secretVariables.add(value), s + " " + key + ": " + value + " is not shared with another use");
            }
        }
        Map<String, String> console = services.get("staff-console");
        assertEquals("prod", console.get("QUARKUS_PROFILE"));
        assertEquals("https://case-service:8443", console.get("QUARKUS_REST_CLIENT_CASE_SERVICE_URL"));
        for (String key : List.of("QUARKUS_OIDC_CREDENTIALS_SECRET", "SFH_SESSION_SECRET", "SFH_CSRF_KEY")) {
            assertTrue(console.getOrDefault(key, "").matches("\\$\\{SFH_[A-Z_]+}"), "staff-console " + key);
        }
        assertEquals("smpp", services.get("notification-service").get("SMS_PROVIDER").replaceAll("\\$\\{[A-Z_]+:-(.*)}", "$1"),
                "the prod profile refuses the log provider");
    }

    @Test
    void everyContainerRestartsRunsReadOnlyAndIsNeverPulled() throws IOException {
        Map<String, Map<String, String>> services = services(read("compose.yaml"));
        services.putAll(services(read("compose.simulator.yaml")).entrySet().stream()
                .filter(e -> e.getKey().equals("smpp-simulator"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(new TreeSet<>(List.of("postgres", "keycloak", "intake-service", "case-service",
                "notification-service", "staff-console", "smpp-simulator")), new TreeSet<>(services.keySet()));
        services.forEach((name, settings) -> {
            assertEquals("always", settings.get("restart"), name);
            assertEquals("true", settings.get("read_only"), name);
            assertEquals("never", settings.get("pull_policy"), name);
            assertTrue(settings.getOrDefault("image", "").startsWith("localhost/scan-for-help-"), name);
        });
    }

    @Test
    void everySecretTheStackUsesIsWrittenByRunAndTheRealmGetsItsClientSecrets() throws IOException {
        String run = read("run");
        Set<String> written = new TreeSet<>();
        Matcher w = Pattern.compile("(?m)^(SFH_[A-Z_]+)=\\$\\(").matcher(run);
        while (w.find()) {
            written.add(w.group(1));
        }
        Set<String> used = new TreeSet<>();
        Matcher u = Pattern.compile("\\$\\{(SFH_[A-Z_]+)}").matcher(read("compose.yaml"));
        while (u.find()) {
            used.add(u.group(1));
        }
        assertTrue(written.containsAll(used), "used in compose.yaml but not written to .env by run: "
                + used.stream().filter(v -> !written.contains(v)).toList());
        Map<String, String> keycloak = services(read("compose.yaml")).get("keycloak");
        String build = Files.readString(Path.of("..", "deploy", "images", "build"), StandardCharsets.UTF_8);
        Matcher placeholder = Pattern.compile("\"\\$\\{(SFH_[A-Z_]+_CLIENT_SECRET)}\"").matcher(build);
        int placeholders = 0;
        while (placeholder.find()) {
            placeholders++;
            assertTrue(keycloak.containsKey(placeholder.group(1)), "Keycloak gets " + placeholder.group(1));
        }
        assertEquals(5, placeholders, "the realm's five client secrets are placeholders");
    }
}
