// A tiny OIDC provider for the benchmark only (run with `java OidcStub.java <port>`): discovery, JWKS
// and a client-credentials token endpoint signing RS256 tokens shaped like the Keycloak realm's
// (realm_access.roles, division, preferred_username). Keycloak would cost a core and a minute of
// start-up on the 2-core machine the numbers come from; the services only need signed tokens.
// GET /mint?user=..&roles=a,b&division=..&ttl=.. returns a staff token for the harness's own calls.
// Access tokens name the three services as audience (each checks quarkus.oidc.token.audience), as the
// realm's audience mappers do.
// The staff console signs in with the authorization-code flow (PKCE S256, checked): the harness follows
// the console's redirect to /auth and adds user=..&roles=..&division=.. (no login page: who signs in is
// the harness's choice); /auth answers 302 to the redirect_uri with a code; the token endpoint trades
// it (grant_type=authorization_code) for an access token, an ID token (aud = the client, nonce echoed)
// and a refresh token (grant_type=refresh_token gives new ones for the same user).
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

public class OidcStub {
    static final String REALM = "/realms/bench";
    static final String KID = "bench-key";
    static KeyPair keys;
    static String issuer;
    static final String AUDIENCE = "[\"account\",\"intake-service\",\"case-service\",\"notification-service\"]";
    /** code or refresh token -> the sign-in it stands for: user, roles, division, client, nonce, code_challenge */
    static final Map<String, Map<String, String>> grants = new ConcurrentHashMap<>();
    static final SecureRandom random = new SecureRandom();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        issuer = "http://127.0.0.1:" + port + REALM;
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        s.setExecutor(Executors.newFixedThreadPool(4));
        s.createContext("/", OidcStub::handle);
        s.start();
        System.out.println("oidc stub ready at " + issuer);
    }

    static void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            Map<String, String> q = new HashMap<>(form(x.getRequestURI().getRawQuery()));
            if (path.equals(REALM + "/.well-known/openid-configuration")) {
                send(x, 200, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\","
                        + "\"token_endpoint\":\"" + issuer + "/protocol/openid-connect/token\","
                        + "\"authorization_endpoint\":\"" + issuer + "/protocol/openid-connect/auth\","
                        + "\"userinfo_endpoint\":\"" + issuer + "/protocol/openid-connect/userinfo\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                        + "\"end_session_endpoint\":\"" + issuer + "/protocol/openid-connect/logout\","
                        + "\"grant_types_supported\":[\"client_credentials\",\"authorization_code\",\"refresh_token\"],"
                        + "\"code_challenge_methods_supported\":[\"S256\"],"
                        + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"]}");
            } else if (path.equals(REALM + "/protocol/openid-connect/certs")) {
                RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
                send(x, 200, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\","
                        + "\"n\":\"" + b64(unsigned(pub.getModulus())) + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}");
            } else if (path.equals(REALM + "/protocol/openid-connect/auth")) {
                authorize(x, q);
            } else if (path.equals(REALM + "/protocol/openid-connect/token")) {
                q.putAll(form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                String client = q.getOrDefault("client_id", basicUser(x.getRequestHeaders().getFirst("Authorization")));
                String grant = q.getOrDefault("grant_type", "client_credentials");
                if (grant.equals("authorization_code") || grant.equals("refresh_token")) {
                    userTokens(x, q, client, grant);
                    return;
                }
                String token = sign("service-account-" + client, "", null, 3600);
                send(x, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            } else if (path.equals("/mint")) {
                x.getResponseHeaders().set("Content-Type", "text/plain");
                send(x, 200, sign(q.getOrDefault("user", "bench"), q.getOrDefault("roles", ""), q.get("division"),
                        Long.parseLong(q.getOrDefault("ttl", "7200"))));
            } else {
                send(x, 404, "{}");
            }
        } catch (Exception e) {
            send(x, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    static void authorize(HttpExchange x, Map<String, String> q) throws IOException {
        String redirect = q.get("redirect_uri");
        if (redirect == null || q.get("user") == null || !"S256".equals(q.get("code_challenge_method"))) {
            send(x, 400, "{\"error\":\"invalid_request\",\"error_description\":\"redirect_uri, user and PKCE S256 are needed\"}");
            return;
        }
        String code = newSecret();
        Map<String, String> g = new HashMap<>(q);
        g.put("issued", Long.toString(System.currentTimeMillis()));
        grants.put(code, g);
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (q.get("state") == null ? "" : "&state=" + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        x.getResponseHeaders().set("Location", location);
        send(x, 302, "");
    }

    static void userTokens(HttpExchange x, Map<String, String> q, String client, String grant) throws Exception {
        Map<String, String> g = grants.remove(grant.equals("authorization_code") ? q.getOrDefault("code", "") : q.getOrDefault("refresh_token", ""));
        if (g == null || !client.equals(g.get("client_id"))) {
            send(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        if (grant.equals("authorization_code")) {
            String verifier = q.getOrDefault("code_verifier", "");
            String challenge = b64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            if (!challenge.equals(g.get("code_challenge"))) {
                send(x, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verifier does not match\"}");
                return;
            }
        }
        String user = g.get("user");
        String access = sign(user, g.getOrDefault("roles", ""), g.get("division"), 3600);
        String id = signClaims(claims(user, g.getOrDefault("roles", ""), g.get("division"), 3600, "\"" + client + "\"")
                .replace("\"typ\":\"Bearer\"", "\"typ\":\"ID\",\"azp\":\"" + client + "\""
                        + (g.get("nonce") == null ? "" : ",\"nonce\":\"" + g.get("nonce") + "\"")));
        String refresh = newSecret();
        grants.put(refresh, g);
        send(x, 200, "{\"access_token\":\"" + access + "\",\"id_token\":\"" + id + "\",\"refresh_token\":\"" + refresh
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_expires_in\":36000,\"scope\":\"openid profile\"}");
    }

    static String newSecret() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return b64(b);
    }

    static String sign(String user, String roles, String division, long ttl) throws Exception {
        return signClaims(claims(user, roles, division, ttl, AUDIENCE));
    }

    static String claims(String user, String roles, String division, long ttl, String aud) {
        long now = System.currentTimeMillis() / 1000;
        String roleList = Arrays.stream(roles.split(",")).filter(r -> !r.isBlank())
                .map(r -> "\"" + r.trim() + "\"").collect(Collectors.joining(","));
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user + "\","
                + "\"aud\":" + aud + ",\"typ\":\"Bearer\",\"iat\":" + now + ",\"exp\":" + (now + ttl) + ","
                + "\"realm_access\":{\"roles\":[" + roleList + "]}" + serviceClaims(user)
                + (division == null ? "" : ",\"division\":\"" + division + "\"") + "}";
        return claims;
    }

    static String signClaims(String claims) throws Exception {
        String head = b64(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}").getBytes(StandardCharsets.UTF_8));
        String body = b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(keys.getPrivate());
        sig.update((head + "." + body).getBytes(StandardCharsets.US_ASCII));
        return head + "." + body + "." + b64(sig.sign());
    }

    /**
     * A service account ({@code service-account-<client>}) gets azp and the client roles the realm grants
     * that client (deploy/keycloak; infra's test Tokens.GRANTS), in resource_access.
     */
    static String serviceClaims(String user) {
        if (!user.startsWith("service-account-")) {
            return "";
        }
        String client = user.substring("service-account-".length());
        String access = switch (client) {
            case "intake-service" -> "\"case-service\":{\"roles\":[\"submit-applications\"]}";
            case "case-service" -> "\"notification-service\":{\"roles\":[\"send-events\"]},"
                    + "\"intake-service\":{\"roles\":[\"update-status\"]}";
            case "notification-service" -> "\"case-service\":{\"roles\":[\"record-satisfaction\"]}";
            case "alert-import" -> "\"intake-service\":{\"roles\":[\"import-alerts\"]}";
            default -> "";
        };
        return ",\"azp\":\"" + client + "\",\"resource_access\":{" + access + "}";
    }

    static String basicUser(String auth) {
        if (auth == null || !auth.startsWith("Basic ")) {
            return "unknown";
        }
        String s = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
        return URLDecoder.decode(s.substring(0, Math.max(0, s.indexOf(':'))), StandardCharsets.UTF_8);
    }

    static Map<String, String> form(String s) {
        Map<String, String> m = new HashMap<>();
        if (s == null || s.isEmpty()) {
            return m;
        }
        for (String kv : s.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) {
                m.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (!x.getResponseHeaders().containsKey("Content-Type")) {
            x.getResponseHeaders().set("Content-Type", "application/json");
        }
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        x.getResponseBody().write(b);
        x.close();
    }
}
