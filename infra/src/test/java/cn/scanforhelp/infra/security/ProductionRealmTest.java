package cn.scanforhelp.infra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production realm as deploy/keycloak/ProductionRealm.java generates it from the shared realm file and
 * production.example.properties (run as operators run it: a single-file Java program), checked offline property by
 * property; and the local realm deploy/local/run imports (MergeRealm.java of the same file and the local overlay)
 * still has what the local run and its smoke need.
 */
class ProductionRealmTest {

    private static final Path KEYCLOAK = Path.of("..", "deploy", "keycloak");
    private static final String CONSOLE = "https://console.scanforhelp.example.gov.cn";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void browserClientsHaveExactHttpsRedirectsAndOriginsAndNoOfflineAccess() throws IOException {
        JsonNode realm = production();
        JsonNode console = client(realm, "staff-console");
        assertEquals(List.of(CONSOLE + "/signed-in"), texts(console.path("redirectUris")));
        assertEquals(List.of(CONSOLE), texts(console.path("webOrigins")));
        assertEquals(CONSOLE + "/signed-out", console.path("attributes").path("post.logout.redirect.uris").asText());
        assertFalse(texts(console.path("optionalClientScopes")).contains("offline_access"));
        assertFalse(texts(console.path("defaultClientScopes")).contains("offline_access"));
        assertTrue(client(realm, "scan-for-help-web").isMissingNode(), "no public client unless web.urls names one");
        for (JsonNode c : realm.path("clients")) {
            for (String uri : concat(texts(c.path("redirectUris")), texts(c.path("webOrigins")))) {
                assertTrue(uri.startsWith("https://") && !uri.contains("*") && !uri.contains("localhost"), uri);
            }
            assertFalse(c.path("directAccessGrantsEnabled").asBoolean(), c.path("clientId").asText());
            assertTrue(c.path("secret").isMissingNode(), "no secret in the file");
        }
        assertEquals("all", realm.path("sslRequired").asText());

        JsonNode withWeb = production("web.urls=https://staff.scanforhelp.example.gov.cn");
        JsonNode web = client(withWeb, "scan-for-help-web");
        assertEquals(List.of("https://staff.scanforhelp.example.gov.cn/*"), texts(web.path("redirectUris")));
        assertEquals(List.of("https://staff.scanforhelp.example.gov.cn"), texts(web.path("webOrigins")));
        assertFalse(texts(web.path("optionalClientScopes")).contains("offline_access"));
        assertFalse(web.path("attributes").path("post.logout.redirect.uris").asText().contains("+"));
    }

    @Test
    void refreshTokensRotateEventsAreKeptAndBruteForceAndPasswordPolicyAreOn() throws IOException {
        JsonNode realm = production();
        assertTrue(realm.path("revokeRefreshToken").asBoolean());
        assertEquals(0, realm.path("refreshTokenMaxReuse").asInt(-1));
        assertTrue(realm.path("eventsEnabled").asBoolean());
        assertTrue(realm.path("adminEventsEnabled").asBoolean());
        assertFalse(realm.path("adminEventsDetailsEnabled").asBoolean(), "no user representation in admin events");
        assertEquals(180L * 86400, realm.path("eventsExpiration").asLong());
        assertEquals(String.valueOf(180L * 86400), realm.path("attributes").path("adminEventsExpiration").asText());
        Set<String> types = new HashSet<>(texts(realm.path("enabledEventTypes")));
        assertTrue(types.containsAll(Set.of("LOGIN", "LOGIN_ERROR", "LOGOUT", "CODE_TO_TOKEN_ERROR",
                "REFRESH_TOKEN_ERROR", "UPDATE_TOTP", "REMOVE_TOTP", "UPDATE_PASSWORD", "CLIENT_LOGIN_ERROR")), types.toString());
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertEquals(5, realm.path("failureFactor").asInt());
        assertTrue(realm.path("maxFailureWaitSeconds").asInt() >= 900);
        String policy = realm.path("passwordPolicy").asText();
        assertTrue(policy.contains("length(12)") && policy.contains("notUsername") && policy.contains("passwordHistory"),
                policy);
    }

    @Test
    void withTotpTheRolesThatRevealIdNumbersMustPassASecondFactorAndEnrolItAtOnce() throws IOException {
        JsonNode realm = production("mfa=totp");
        assertMfa(realm, "auth-otp-form", "CONFIGURE_TOTP");
        assertEquals("totp", realm.path("otpPolicyType").asText());
        assertEquals(6, realm.path("otpPolicyDigits").asInt());
        assertFalse(realm.path("otpPolicyCodeReusable").asBoolean(true));

        assertMfa(production("mfa=webauthn"), "webauthn-authenticator", "webauthn-register");

        JsonNode none = production("mfa=none");
        assertTrue(none.path("authenticationFlows").isMissingNode(), "Keycloak's default flows");
        assertTrue(none.path("browserFlow").isMissingNode());
    }

    @Test
    void anHttpOrLocalAddressOrAnUnknownFactorIsRefusedAndNoFileWritten() throws Exception {
        for (String bad : List.of("console.url=http://console.scanforhelp.example.gov.cn", "console.url=https://localhost:8084",
                "console.url=https://*.example.gov.cn", "console.url=https://console.example.gov.cn/app", "console.url=",
                "web.urls=http://localhost:8080", "mfa=sms")) {
            Path out = dir.resolve("bad.json");
            Files.deleteIfExists(out);
            assertEquals(2, run(List.of("ProductionRealm.java", KEYCLOAK.resolve("scan-for-help-realm.json").toString(),
                    KEYCLOAK.resolve("production.example.properties").toString(), out.toString(), bad)), bad);
            assertFalse(Files.exists(out), bad);
        }
    }

    @Test
    void theProductionRealmKeepsTheServiceAccountsGrantsAndHasNoDemoUser() throws IOException {
        JsonNode base = JSON.readTree(KEYCLOAK.resolve("scan-for-help-realm.json").toFile());
        JsonNode realm = production();
        assertEquals(base.path("users"), realm.path("users"), "exactly the service accounts of the shared file");
        assertEquals(base.path("roles"), realm.path("roles"));
        for (JsonNode c : base.path("clients")) {
            if (c.path("serviceAccountsEnabled").asBoolean()) {
                assertEquals(c.path("protocolMappers"), client(realm, c.path("clientId").asText()).path("protocolMappers"));
            }
        }
    }

    @Test
    void theLocalRealmStaysUsableByTheLocalRun() throws Exception {
        Path out = dir.resolve("local.json");
        assertEquals(0, run(List.of("local/MergeRealm.java", KEYCLOAK.resolve("scan-for-help-realm.json").toString(),
                KEYCLOAK.resolve("local/scan-for-help-local.json").toString(), out.toString())));
        JsonNode local = JSON.readTree(out.toFile());
        JsonNode console = client(local, "staff-console");
        assertEquals(List.of("http://localhost:8084/*"), texts(console.path("redirectUris")));
        assertEquals("staff-console-local-secret", console.path("secret").asText());
        assertTrue(client(local, "scan-for-help-web").path("directAccessGrantsEnabled").asBoolean(),
                "the local smoke's password grant");
        Set<String> users = new HashSet<>();
        local.path("users").forEach(u -> users.add(u.path("username").asText()));
        assertTrue(users.containsAll(Set.of("liqiao", "dangchuan", "officer", "operator", "liqiao-hotline", "auditor")), users.toString());
        assertFalse(local.path("bruteForceProtected").asBoolean(), "demo passwords are the user names");
        assertTrue(local.path("authenticationFlows").isMissingNode(), "no second factor for the demo users");
        String run = Files.readString(Path.of("..", "deploy", "local", "run"), StandardCharsets.UTF_8);
        assertTrue(run.contains("keycloak/scan-for-help-realm.json") && run.contains("local/MergeRealm.java")
                && !run.contains("ProductionRealm"), "the local run imports the shared file with the local overlay");
    }

    private static void assertMfa(JsonNode realm, String authenticator, String requiredAction) {
        String browser = realm.path("browserFlow").asText();
        assertNotEquals("", browser);
        Map<String, JsonNode> flows = new HashMap<>();
        realm.path("authenticationFlows").forEach(f -> flows.put(f.path("alias").asText(), f));
        assertTrue(flows.containsKey(browser) && flows.get(browser).path("topLevel").asBoolean());
        assertTrue(flows.containsKey(realm.path("directGrantFlow").asText()));
        assertTrue(flows.containsKey(realm.path("registrationFlow").asText()));
        Map<String, JsonNode> configs = new HashMap<>();
        realm.path("authenticatorConfig").forEach(c -> configs.put(c.path("alias").asText(), c.path("config")));
        // every reveal role: a CONDITIONAL sub-flow under the password form whose conditions hold for that role and
        // whose second factor is REQUIRED (so a holder without one must enrol it)
        Map<String, Boolean> guarded = new HashMap<>();
        JsonNode forms = flows.get(subFlows(flows.get(browser)).get(0));
        assertTrue(executions(forms).stream().anyMatch(e -> "auth-username-password-form".equals(e.path("authenticator").asText())));
        for (String sub : subFlows(forms)) {
            JsonNode flow = flows.get(sub);
            assertTrue(executions(forms).stream().anyMatch(e -> sub.equals(e.path("flowAlias").asText())
                    && "CONDITIONAL".equals(e.path("requirement").asText())));
            String role = null;
            for (JsonNode e : executions(flow)) {
                JsonNode c = configs.get(e.path("authenticatorConfig").asText());
                if ("conditional-user-role".equals(e.path("authenticator").asText()) && !c.path("negate").asBoolean()) {
                    role = c.path("condUserRole").asText();
                }
            }
            boolean factor = executions(flow).stream().anyMatch(e -> authenticator.equals(e.path("authenticator").asText())
                    && "REQUIRED".equals(e.path("requirement").asText()));
            guarded.put(role, factor);
        }
        assertEquals(Map.of(Roles.TOWNSHIP_REVIEWER, true, Roles.DISTRICT_OFFICER, true), guarded);
        assertTrue(StreamSupport.stream(realm.path("requiredActions").spliterator(), false).anyMatch(a ->
                requiredAction.equals(a.path("alias").asText()) && a.path("enabled").asBoolean()), requiredAction);
    }

    private static List<JsonNode> executions(JsonNode flow) {
        List<JsonNode> l = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(l::add);
        return l;
    }

    private static List<String> subFlows(JsonNode flow) {
        return executions(flow).stream().filter(e -> e.path("authenticatorFlow").asBoolean())
                .map(e -> e.path("flowAlias").asText()).toList();
    }

    private JsonNode production(String... overrides) throws IOException {
        Path out = dir.resolve("production-" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("ProductionRealm.java", KEYCLOAK.resolve("scan-for-help-realm.json").toString(),
                KEYCLOAK.resolve("production.example.properties").toString(), out.toString()));
        args.addAll(List.of(overrides));
        try {
            assertEquals(0, run(args));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return JSON.readTree(out.toFile());
    }

    /** Runs a single-file program of deploy/keycloak with this JVM and the test's class path (Jackson). */
    private int run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.add(KEYCLOAK.resolve(args.get(0)).toString());
        command.addAll(args.subList(1, args.size()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile()).start();
        return p.waitFor();
    }

    private static JsonNode client(JsonNode realm, String id) {
        for (JsonNode c : realm.path("clients")) {
            if (id.equals(c.path("clientId").asText())) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<String> texts(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(n.asText()));
        return l;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
