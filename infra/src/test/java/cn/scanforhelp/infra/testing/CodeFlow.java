package cn.scanforhelp.infra.testing;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The authorization-code flow of the test OpenID provider, for the staff console's web sign-in: a login
 * page (ids {@code username}, {@code password}, {@code kc-login} as Keycloak's, so browser scripts work
 * against both), codes bound to the redirect URI and the PKCE challenge (S256 checked at the token
 * endpoint, as Keycloak does with {@code pkce.code.challenge.method}), signed ID, access and refresh tokens
 * for the user who signed in, refresh, and an end-session endpoint that redirects back.
 *
 * <p>Written as a WireMock transformer (the provider already is WireMock, as quarkus-test-oidc-server's
 * is) rather than {@code OidcWiremockTestResource}, because that one signs with its own fixed key and
 * issuer: the console's tokens must be the very tokens the services check, signed by {@link Tokens}' key.
 * The demo users mirror the realm's (password = user name).
 */
public class CodeFlow implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "sfh-code-flow";

    /**
     * The users one may sign in as: the realm's demo users, shaped as {@link Tokens}' shortcuts, and a city-level
     * district officer (天水市, 6205) for the dashboard's city scope (not a demo user of the realm).
     */
    static final Map<String, Supplier<Tokens>> USERS = Map.of(
            "operator", () -> Tokens.user("operator").roles("hotline-operator").division("620503"),
            "liqiao", () -> Tokens.user("liqiao").roles("township-reviewer").division("620503114"),
            "chuangkou", () -> Tokens.user("chuangkou").roles("window-clerk").division("620503114"),
            "dangchuan", () -> Tokens.user("dangchuan").roles("township-reviewer").division("620503116"),
            "officer", () -> Tokens.user("officer").roles("district-officer").division("620503"),
            "admin", () -> Tokens.user("admin").roles("admin").division("620503"),
            "cityofficer", () -> Tokens.user("cityofficer").roles("district-officer").division("6205"));

    private record Grant(String user, String clientId, String redirectUri, String challenge, String nonce) {
    }

    private static final Map<String, Grant> CODES = new ConcurrentHashMap<>();
    private static final Map<String, Grant> REFRESH = new ConcurrentHashMap<>();
    private static final List<String> SIGNED_OUT = new CopyOnWriteArrayList<>();
    private static volatile long accessLifetime = 300;
    private static final java.util.concurrent.atomic.AtomicInteger REFRESHED = new java.util.concurrent.atomic.AtomicInteger();

    /** How many refresh-token grants the token endpoint has answered. */
    public static int refreshed() {
        return REFRESHED.get();
    }

    /** Users whose session ended at the end-session endpoint, in order. */
    public static List<String> signedOut() {
        return List.copyOf(SIGNED_OUT);
    }

    /** Lifetime of the access (and ID) tokens issued from now on; the default is 300 s. */
    public static void accessTokenLifetime(long seconds) {
        accessLifetime = seconds;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request r = event.getRequest();
        String path = URI.create(r.getUrl()).getPath();
        String issuer = OidcResource.issuer();
        if (path.endsWith("/auth") && "GET".equals(r.getMethod().getName())) {
            return html(200, loginPage(query(r.getUrl()), null));
        }
        if (path.endsWith("/auth")) {
            return login(form(r.getBodyAsString()));
        }
        if (path.endsWith("/logout")) {
            return logout(query(r.getUrl()));
        }
        Map<String, String> f = form(r.getBodyAsString());
        return switch (f.getOrDefault("grant_type", "")) {
            case "authorization_code" -> exchange(f, issuer);
            case "refresh_token" -> refresh(f, issuer);
            default -> json(200, "{\"access_token\":\"" + Tokens.service(clientId(r, f)).sign(issuer)
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        };
    }

    /** The client asking for a client-credentials token: HTTP Basic (quarkus-oidc-client's default) or the form. */
    private static String clientId(Request r, Map<String, String> f) {
        String auth = r.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair = new String(java.util.Base64.getDecoder().decode(auth.substring(6).strip()),
                    java.nio.charset.StandardCharsets.UTF_8);
            return java.net.URLDecoder.decode(pair.substring(0, Math.max(0, pair.indexOf(':'))),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        return f.getOrDefault("client_id", "unknown-client");
    }

    private ResponseDefinition login(Map<String, String> f) {
        String user = f.getOrDefault("username", "").trim();
        if (!USERS.containsKey(user) || !user.equals(f.get("password"))) {
            return html(200, loginPage(f, "Invalid username or password."));
        }
        String redirect = f.get("redirect_uri");
        if (redirect == null || !"code".equals(f.get("response_type"))) {
            return html(400, "<!doctype html><title>Bad request</title><p>response_type=code and redirect_uri needed</p>");
        }
        if (f.get("code_challenge") != null && !"S256".equals(f.get("code_challenge_method"))) {
            return html(400, "<!doctype html><title>Bad request</title><p>only S256</p>");
        }
        String code = UUID.randomUUID().toString();
        CODES.put(code, new Grant(user, f.get("client_id"), redirect, f.get("code_challenge"), f.get("nonce")));
        String to = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code)
                + (f.get("state") == null ? "" : "&state=" + enc(f.get("state")));
        return ResponseDefinition.redirectTo(to);
    }

    private ResponseDefinition exchange(Map<String, String> f, String issuer) {
        Grant g = CODES.remove(f.getOrDefault("code", ""));
        if (g == null || !g.redirectUri().equals(f.get("redirect_uri"))) {
            return json(400, "{\"error\":\"invalid_grant\"}");
        }
        if (g.challenge() != null && !g.challenge().equals(s256(f.getOrDefault("code_verifier", "")))) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
        }
        return tokens(g, issuer);
    }

    private ResponseDefinition refresh(Map<String, String> f, String issuer) {
        Grant g = REFRESH.remove(f.getOrDefault("refresh_token", ""));
        if (g == null) {
            return json(400, "{\"error\":\"invalid_grant\"}");
        }
        REFRESHED.incrementAndGet();
        return tokens(g, issuer);
    }

    private ResponseDefinition tokens(Grant g, String issuer) {
        String clientId = g.clientId() == null ? "staff-console" : g.clientId();
        Tokens id = USERS.get(g.user()).get().lifetime(accessLifetime).audience(clientId).type("ID").nonce(g.nonce());
        String access = USERS.get(g.user()).get().lifetime(accessLifetime).sign(issuer);
        String refresh = "rt-" + UUID.randomUUID();
        REFRESH.put(refresh, g);
        return json(200, "{\"access_token\":\"" + access + "\",\"id_token\":\"" + id.sign(issuer)
                + "\",\"refresh_token\":\"" + refresh + "\",\"token_type\":\"Bearer\",\"expires_in\":" + accessLifetime
                + ",\"refresh_expires_in\":1800,\"scope\":\"openid profile\"}");
    }

    private ResponseDefinition logout(Map<String, String> q) {
        String hint = q.get("id_token_hint");
        SIGNED_OUT.add(hint == null ? "(no id_token_hint)" : subject(hint));
        String back = q.get("post_logout_redirect_uri");
        if (back == null) {
            return html(200, "<!doctype html><html lang=\"en\"><title>Signed out</title><p>Signed out</p></html>");
        }
        return ResponseDefinition.redirectTo(back + (q.get("state") == null ? ""
                : (back.contains("?") ? "&" : "?") + "state=" + enc(q.get("state"))));
    }

    private static String subject(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = parts.length > 1 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
        var m = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]*)\"").matcher(payload);
        return m.find() ? m.group(1) : "(unknown)";
    }

    private static String loginPage(Map<String, String> params, String error) {
        StringBuilder hidden = new StringBuilder();
        params.forEach((k, v) -> {
            if (!k.equals("username") && !k.equals("password")) {
                hidden.append("<input type=\"hidden\" name=\"").append(esc(k)).append("\" value=\"").append(esc(v))
                        .append("\">");
            }
        });
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in to scan-for-help</title>"
                + "</head><body><main><h1>Sign in (test provider)</h1>"
                + (error == null ? "" : "<p id=\"input-error\" role=\"alert\">" + error + "</p>")
                + "<form id=\"kc-form-login\" method=\"post\" action=\"" + OidcResource.REALM_PATH
                + "/protocol/openid-connect/auth\">" + hidden
                + "<label for=\"username\">Username</label><input id=\"username\" name=\"username\" autocomplete=\"username\">"
                + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\">"
                + "<button id=\"kc-login\" type=\"submit\">Sign in</button></form></main></body></html>";
    }

    private static Map<String, String> query(String url) {
        String q = URI.create(url).getRawQuery();
        return form(q == null ? "" : q);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return m;
        }
        for (String pair : body.split("&")) {
            int i = pair.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    static String s256(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static ResponseDefinition html(int status, String body) {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body).build();
    }

    private static ResponseDefinition json(int status, String body) {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "no-store")
                .withBody(body).build();
    }
}
