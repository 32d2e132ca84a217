import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;

/**
 * Generates the PRODUCTION realm from the same realm file the local run uses (scan-for-help-realm.json) and a
 * configuration file (see production.example.properties), so the two never drift apart by hand:
 *
 *   java -cp "$KC_HOME/lib/lib/main/*" ProductionRealm.java scan-for-help-realm.json production.properties out.json [key=value ...]
 *
 * (Jackson comes from the Keycloak distribution, as for local/MergeRealm.java; key=value arguments override the file.)
 *
 * What it changes against the shared file: the browser clients get exact https redirect URIs, post-logout URIs and web
 * origins of the configured public address (never http://localhost:*); no offline_access for them; refresh tokens
 * rotate (revokeRefreshToken, refreshTokenMaxReuse 0); sslRequired all; login and admin events on with an expiry;
 * brute-force protection and the password policy; and, with mfa=totp or mfa=webauthn, a browser flow that asks the
 * holders of the roles that can reveal ID numbers (mfa.roles) for a second factor, enrolling it at their next sign-in.
 * It refuses an http or localhost address, a wildcard, or an unknown mfa value (exit 2), so a bad file never becomes
 * a realm. It carries no user but the service accounts and no secret: set the clients' secrets in Keycloak.
 */
public class ProductionRealm {

    static final String FLOW = "browser-reveal-mfa";
    static final List<String> EVENT_TYPES = List.of("LOGIN", "LOGIN_ERROR", "LOGOUT", "LOGOUT_ERROR",
            "CODE_TO_TOKEN", "CODE_TO_TOKEN_ERROR", "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR", "CLIENT_LOGIN",
            "CLIENT_LOGIN_ERROR", "UPDATE_PASSWORD", "UPDATE_PASSWORD_ERROR", "UPDATE_TOTP", "REMOVE_TOTP",
            "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL", "USER_DISABLED_BY_TEMPORARY_LOCKOUT", "USER_DISABLED_BY_PERMANENT_LOCKOUT",
            "INVALID_SIGNATURE", "INVALID_SIGNATURE_ERROR", "PERMISSION_TOKEN_ERROR", "RESET_PASSWORD", "RESET_PASSWORD_ERROR",
            "TOKEN_EXCHANGE", "TOKEN_EXCHANGE_ERROR", "CUSTOM_REQUIRED_ACTION", "CUSTOM_REQUIRED_ACTION_ERROR");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java -cp <jackson jars> ProductionRealm.java <realm.json> <production.properties> <out.json> [key=value ...]");
            System.exit(2);
        }
        Properties config = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(args[1]))) {
            config.load(r);
        }
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                fail("not key=value: " + args[i]);
            }
            config.setProperty(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        ObjectNode realm = (ObjectNode) JSON.readTree(Path.of(args[0]).toFile());
        JSON.writeValue(Path.of(args[2]).toFile(), generate(realm, config));
    }

    static ObjectNode generate(ObjectNode base, Properties config) {
        ObjectNode realm = base.deepCopy();
        String console = origin(required(config, "console.url"), "console.url");
        List<String> web = list(config.getProperty("web.urls", "")).stream().map(u -> origin(u, "web.urls")).toList();

        realm.put("sslRequired", "all");
        realm.put("revokeRefreshToken", true);
        realm.put("refreshTokenMaxReuse", 0);
        realm.put("offlineSessionIdleTimeout", 0);
        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", intValue(config, "brute-force.failures", 5));
        realm.put("waitIncrementSeconds", 60);
        realm.put("maxFailureWaitSeconds", 900);
        realm.put("quickLoginCheckMilliSeconds", 1000);
        realm.put("minimumQuickLoginWaitSeconds", 60);
        realm.put("maxDeltaTimeSeconds", 43200);
        realm.put("passwordPolicy", config.getProperty("password.policy",
                "length(12) and maxLength(128) and notUsername and notEmail and passwordHistory(5)"
                        + " and digits(1) and lowerCase(1) and upperCase(1)"));

        long expiry = intValue(config, "events.expiration-days", 180) * 86400L;
        realm.put("eventsEnabled", true);
        realm.put("eventsExpiration", expiry);
        realm.set("eventsListeners", JSON.valueToTree(List.of("jboss-logging")));
        realm.set("enabledEventTypes", JSON.valueToTree(EVENT_TYPES));
        realm.put("adminEventsEnabled", true);
        // the representation of a changed user carries their attributes: not in the admin event
        realm.put("adminEventsDetailsEnabled", false);
        ObjectNode attributes = realm.get("attributes") instanceof ObjectNode a ? a : realm.putObject("attributes");
        attributes.put("adminEventsExpiration", String.valueOf(expiry));

        ArrayNode clients = (ArrayNode) realm.path("clients");
        for (Iterator<JsonNode> it = clients.iterator(); it.hasNext(); ) {
            ObjectNode c = (ObjectNode) it.next();
            String id = c.path("clientId").asText();
            if ("staff-console".equals(id)) {
                browserClient(c, List.of(console), "/signed-in", "/signed-out");
            } else if ("scan-for-help-web".equals(id)) {
                if (web.isEmpty()) {
                    it.remove(); // the Swagger UIs are on the management port: no public browser client unless asked
                } else {
                    browserClient(c, web, "/*", "/*");
                }
            }
            c.put("directAccessGrantsEnabled", false);
            c.remove("secret");
        }
        // no demo user, ever: only the service accounts of the shared file
        ArrayNode users = JSON.createArrayNode();
        realm.path("users").forEach(u -> {
            if (u.hasNonNull("serviceAccountClientId")) {
                users.add(u);
            }
        });
        realm.set("users", users);
        mfa(realm, config);
        return realm;
    }

    /** Exact redirect and post-logout URIs on each origin, the origins as web origins, no offline access. */
    private static void browserClient(ObjectNode c, List<String> origins, String redirectPath, String logoutPath) {
        c.set("redirectUris", JSON.valueToTree(origins.stream().map(o -> o + redirectPath).toList()));
        c.set("webOrigins", JSON.valueToTree(origins));
        ObjectNode attributes = c.get("attributes") instanceof ObjectNode a ? a : c.putObject("attributes");
        attributes.put("post.logout.redirect.uris", String.join("##", origins.stream().map(o -> o + logoutPath).toList()));
        attributes.put("use.refresh.tokens", "true");
        c.set("optionalClientScopes", withoutOffline(c.path("optionalClientScopes")));
        c.set("defaultClientScopes", withoutOffline(c.path("defaultClientScopes")));
    }

    private static ArrayNode withoutOffline(JsonNode scopes) {
        ArrayNode kept = JSON.createArrayNode();
        scopes.forEach(s -> {
            if (!"offline_access".equals(s.asText())) {
                kept.add(s);
            }
        });
        return kept;
    }

    /**
     * mfa=totp|webauthn: a browser flow (cookie, or username and password, then per reveal role a conditional
     * sub-flow "holds this role and none listed before it" → OTP / WebAuthn, REQUIRED, so a holder without one
     * enrols it at once via CONFIGURE_TOTP / webauthn-register). mfa=none: Keycloak's default flows.
     */
    private static void mfa(ObjectNode realm, Properties config) {
        String mfa = config.getProperty("mfa", "totp").trim();
        realm.put("otpPolicyType", "totp");
        realm.put("otpPolicyAlgorithm", "HmacSHA1"); // what common authenticator apps support
        realm.put("otpPolicyDigits", 6);
        realm.put("otpPolicyPeriod", 30);
        realm.put("otpPolicyLookAheadWindow", 1);
        realm.put("otpPolicyCodeReusable", false);
        realm.put("webAuthnPolicyRpEntityName", "scan-for-help");
        realm.put("webAuthnPolicyUserVerificationRequirement", "required");
        realm.set("requiredActions", JSON.valueToTree(List.of(
                action("CONFIGURE_TOTP", "Configure OTP", true, 10),
                action("webauthn-register", "Webauthn Register", true, 20),
                action("UPDATE_PASSWORD", "Update Password", true, 30),
                action("UPDATE_PROFILE", "Update Profile", true, 40),
                action("VERIFY_EMAIL", "Verify Email", true, 50),
                action("delete_credential", "Delete Credential", true, 60),
                action("update_user_locale", "Update User Locale", true, 70))));
        String authenticator = switch (mfa) {
            case "none" -> null;
            case "totp" -> "auth-otp-form";
            case "webauthn" -> "webauthn-authenticator";
            default -> fail("mfa must be none, totp or webauthn: " + mfa);
        };
        if (authenticator == null) {
            return;
        }
        List<String> roles = list(config.getProperty("mfa.roles", "township-reviewer,district-officer"));
        ArrayNode configs = JSON.createArrayNode();
        List<Object> forms = new ArrayList<>();
        forms.add(execution("auth-username-password-form", null, "REQUIRED", 10, null));
        List<Object> flows = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            String sub = FLOW + " " + roles.get(i);
            List<Object> steps = new ArrayList<>();
            steps.add(execution("conditional-user-role", null, "REQUIRED", 10, condition(configs, roles.get(i), false)));
            for (int j = 0; j < i; j++) { // held by an earlier role: that sub-flow asked already
                steps.add(execution("conditional-user-role", null, "REQUIRED", 11 + j, condition(configs, roles.get(j), true)));
            }
            steps.add(execution(authenticator, null, "REQUIRED", 100, null));
            flows.add(flow(sub, "basic-flow", false, steps));
            forms.add(execution(null, sub, "CONDITIONAL", 20 + i, null));
        }
        flows.add(0, flow(FLOW + " forms", "basic-flow", false, forms));
        flows.add(0, flow(FLOW, "basic-flow", true, List.of(
                execution("auth-cookie", null, "ALTERNATIVE", 10, null),
                execution(null, FLOW + " forms", "ALTERNATIVE", 30, null))));
        // Keycloak imports exactly the flows given: the other bindings need theirs (no client allows direct grants)
        flows.add(flow("direct grant", "basic-flow", true, List.of(
                execution("direct-grant-validate-username", null, "REQUIRED", 10, null),
                execution("direct-grant-validate-password", null, "REQUIRED", 20, null))));
        flows.add(flow("registration", "basic-flow", true, List.of(
                execution("registration-page-form", "registration form", "REQUIRED", 10, null))));
        flows.add(flow("registration form", "form-flow", false, List.of(
                execution("registration-user-creation", null, "REQUIRED", 20, null),
                execution("registration-password-action", null, "REQUIRED", 50, null))));
        realm.set("authenticationFlows", JSON.valueToTree(flows));
        realm.set("authenticatorConfig", configs);
        realm.put("browserFlow", FLOW);
        realm.put("directGrantFlow", "direct grant");
        realm.put("registrationFlow", "registration");
    }

    private static String condition(ArrayNode configs, String role, boolean negate) {
        String alias = (negate ? "not " : "") + "role " + role;
        for (JsonNode c : configs) {
            if (alias.equals(c.path("alias").asText())) {
                return alias;
            }
        }
        ObjectNode c = configs.addObject().put("alias", alias);
        c.putObject("config").put("condUserRole", role).put("negate", String.valueOf(negate));
        return alias;
    }

    private static Object action(String alias, String name, boolean enabled, int priority) {
        return JSON.createObjectNode().put("alias", alias).put("name", name).put("providerId", alias)
                .put("enabled", enabled).put("defaultAction", false).put("priority", priority);
    }

    private static Object flow(String alias, String provider, boolean topLevel, List<Object> executions) {
        ObjectNode f = JSON.createObjectNode().put("alias", alias).put("providerId", provider)
                .put("topLevel", topLevel).put("builtIn", false).put("description", "scan-for-help production realm");
        f.set("authenticationExecutions", JSON.valueToTree(executions));
        return f;
    }

    /** An authenticator (flowAlias null) or a sub-flow (flowAlias set; authenticator only for a form). */
    private static Object execution(String authenticator, String flowAlias, String requirement, int priority, String config) {
        ObjectNode e = JSON.createObjectNode().put("requirement", requirement).put("priority", priority)
                .put("authenticatorFlow", flowAlias != null).put("userSetupAllowed", false);
        if (authenticator != null) {
            e.put("authenticator", authenticator);
        }
        if (flowAlias != null) {
            e.put("flowAlias", flowAlias);
        }
        if (config != null) {
            e.put("authenticatorConfig", config);
        }
        return e;
    }

    /** An https origin without path, wildcard or local host. */
    static String origin(String value, String key) {
        String v = value.trim().replaceAll("/+$", "");
        URI u;
        try {
            u = URI.create(v);
        } catch (IllegalArgumentException e) {
            return fail(key + " is not a URL: " + value);
        }
        String host = u.getHost() == null ? "" : u.getHost();
        if (!"https".equals(u.getScheme()) || host.isEmpty() || v.contains("*") || (u.getPath() != null && !u.getPath().isEmpty())
                || u.getQuery() != null || u.getUserInfo() != null || host.equals("localhost")
                || host.startsWith("127.") || host.equals("[::1]") || host.endsWith(".localhost")) {
            return fail(key + " must be an https origin without path, e.g. https://console.example.gov.cn: " + value);
        }
        return v;
    }

    private static String required(Properties config, String key) {
        String v = config.getProperty(key, "").trim();
        return v.isEmpty() ? fail(key + " is required") : v;
    }

    private static int intValue(Properties config, String key, int fallback) {
        String v = config.getProperty(key, "").trim();
        try {
            return v.isEmpty() ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fail(key + " must be a number: " + v);
        }
    }

    private static List<String> list(String v) {
        return v.isBlank() ? List.of() : List.of(v.trim().split("\\s*,\\s*"));
    }

    private static <T> T fail(String message) {
        System.err.println("ProductionRealm: " + message);
        System.exit(2);
        return null;
    }
}
