package cn.scanforhelp.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every setting a service needs in production (derived from its configuration: {@link ProductionNeeds}) is set in each
 * Kubernetes overlay, from a value, the overlay's settings.env or a documented secret: a missing inter-service URL, a
 * database password, a public address left at localhost fails the build, before anything reaches a cluster.
 */
class OverlaySettingsTest {

    static final Path REPO = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    static final Path K8S = REPO.resolve("deploy/k8s");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "county, intake-service", "county, case-service", "county, notification-service", "county, staff-console",
            "province, intake-service", "province, case-service", "province, notification-service", "province, staff-console"})
    void everySettingAServiceNeedsInProductionIsSet(String overlay, String service) throws IOException {
        Overlay o = new Overlay(K8S, overlay);
        assertEquals(List.of(), o.problems);
        assertTrue(o.deployments.containsKey(service), "no Deployment " + service + " in the base");
        List<String> problems = problems(o, ProductionNeeds.of(REPO, service), o.environment(service));
        assertEquals(List.of(), problems, overlay + ": " + service + " would start without:\n  " + String.join("\n  ", problems));
    }

    @Test
    void theNeedsAreDerivedFromTheServicesOwnConfiguration() throws IOException {
        // the calls between the services: each REST client of each service, found in its application.properties
        assertTrue(ProductionNeeds.of(REPO, "case-service").needs().keySet().containsAll(List.of(
                "quarkus.rest-client.intake-service.url", "quarkus.rest-client.notification-service.url",
                "quarkus.rest-client.intake-service.tls-configuration-name")));
        assertTrue(ProductionNeeds.of(REPO, "staff-console").needs().keySet().containsAll(List.of(
                "quarkus.rest-client.case-service.url", "quarkus.rest-client.notification-service.url",
                "quarkus.oidc.credentials.secret", "quarkus.rest-csrf.token-signature-key", "sfh.public-base-url")));
        // the database, Keycloak, the personal-data keys, the public address of the posters, the proxy
        Map<String, ProductionNeeds.Need> intake = ProductionNeeds.of(REPO, "intake-service").needs();
        assertTrue(intake.keySet().containsAll(List.of("quarkus.rest-client.case-service.url", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.password", "quarkus.oidc.auth-server-url", "sfh.cipher.keys.k1", "sfh.cipher.hash-key",
                "quarkus.oidc-client.credentials.secret", "sfh.public-base-url", "quarkus.http.proxy.trusted-proxies")),
                intake.keySet().toString());
        assertEquals("true", intake.get("quarkus.http.proxy.proxy-address-forwarding").expected());
        assertTrue(intake.get("quarkus.http.proxy.trusted-proxies").envNames().contains("SFH_TRUSTED_PROXIES"));
        Map<String, ProductionNeeds.Need> sms = ProductionNeeds.of(REPO, "notification-service").needs();
        assertTrue(sms.keySet().containsAll(List.of("sms.smpp.host", "sms.smpp.password", "quarkus.rest-client.case-service.url")));
        assertEquals("smpp", sms.get("sms.provider").expected());
    }

    @Test
    void aMissingInterServiceUrlOrSecretFails() throws IOException {
        Overlay o = new Overlay(K8S, "county");
        ProductionNeeds cases = ProductionNeeds.of(REPO, "case-service");
        Map<String, Overlay.EnvValue> env = new LinkedHashMap<>(o.environment("case-service"));
        assertEquals(List.of(), problems(o, cases, env));
        env.remove("QUARKUS_REST_CLIENT_INTAKE_SERVICE_URL");
        env.put("QUARKUS_REST_CLIENT_NOTIFICATION_SERVICE_TLS_CONFIGURATION_NAME", new Overlay.EnvValue("none", null, "literal"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", new Overlay.EnvValue(null, "cases-db-runtime/pasword", "Secret"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", new Overlay.EnvValue("http://localhost:8180/realms/scan-for-help", null, "literal"));
        List<String> problems = problems(o, cases, env);
        assertEquals(4, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("quarkus.datasource.password"), problems.get(0));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("quarkus.rest-client.intake-service.url: not set")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("quarkus.rest-client.notification-service.tls-configuration-name")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("quarkus.oidc.auth-server-url") && p.contains("this machine")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"county", "province"})
    void theRealmImportIsTheProductionRealmOfTheOverlay(String overlay) throws Exception {
        Path out = Files.createTempFile("realm", ".json");
        Path dir = K8S.resolve("overlays").resolve(overlay);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), REPO.resolve("deploy/keycloak/ProductionRealm.java").toString(),
                REPO.resolve("deploy/keycloak/scan-for-help-realm.json").toString(), dir.resolve("realm.properties").toString(),
                out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, log);
        JsonNode generated = new ObjectMapper().readTree(out.toFile());
        Files.delete(out);
        JsonNode committed = Overlay.docs(dir.resolve("realm-import.yaml")).get(0);
        assertEquals("KeycloakRealmImport", committed.path("kind").asText());
        assertEquals(generated, committed.path("spec").path("realm"),
                "overlays/" + overlay + "/realm-import.yaml is stale: run deploy/k8s/generate-realm " + overlay);
    }

    /** What is not set, or set wrong, of a service's needs in this environment; sorted by property. */
    static List<String> problems(Overlay o, ProductionNeeds needs, Map<String, Overlay.EnvValue> env) {
        List<String> problems = new ArrayList<>();
        for (ProductionNeeds.Need need : needs.needs().values()) {
            Overlay.EnvValue value = need.envNames().stream().map(env::get).filter(v -> v != null).findFirst().orElse(null);
            String what = need.property() + " (" + String.join(" or ", need.envNames()) + "; " + need.why() + ")";
            if (value == null) {
                problems.add(need.property() + ": not set " + what);
            } else if (value.isSecret()) {
                if (!o.secretExists(value.secret())) {
                    problems.add(need.property() + ": secret " + value.secret() + " is not in secrets.example.yaml " + what);
                }
            } else if (value.value() == null || value.value().isBlank()) {
                problems.add(need.property() + ": empty in " + value.from() + " " + what);
            } else if (need.expected() != null && !need.expected().equals(value.value())) {
                problems.add(need.property() + ": " + value.value() + " instead of " + need.expected() + " " + what);
            } else if (value.value().matches(".*(localhost|127\\.0\\.0\\.1|\\[::1]).*")) {
                problems.add(need.property() + ": still this machine (" + value.value() + ") " + what);
            }
        }
        problems.sort(null);
        return problems;
    }
}
