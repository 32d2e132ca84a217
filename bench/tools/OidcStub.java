// A tiny OIDC provider for the benchmark only (run with `java OidcStub.java <port>`): discovery, JWKS
// and a client-credentials token endpoint signing RS256 tokens shaped like the Keycloak realm's
// (realm_access.roles, division, preferred_username). Keycloak would cost a core and a minute of
// start-up on the 2-core machine the numbers come from; the services only need signed tokens.
// GET /mint?user=..&roles=a,b&division=..&ttl=.. returns a staff token for the harness's own calls.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

public class OidcStub {
    static final String REALM = "/realms/bench";
    static final String KID = "bench-key";
    static KeyPair keys;
    static String issuer;

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
                        + "\"grant_types_supported\":[\"client_credentials\"],"
                        + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"]}");
            } else if (path.equals(REALM + "/protocol/openid-connect/certs")) {
                RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
                send(x, 200, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\","
                        + "\"n\":\"" + b64(unsigned(pub.getModulus())) + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}");
            } else if (path.equals(REALM + "/protocol/openid-connect/token")) {
                q.putAll(form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                String client = q.getOrDefault("client_id", basicUser(x.getRequestHeaders().getFirst("Authorization")));
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

    static String sign(String user, String roles, String division, long ttl) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String roleList = Arrays.stream(roles.split(",")).filter(r -> !r.isBlank())
                .map(r -> "\"" + r.trim() + "\"").collect(Collectors.joining(","));
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user + "\","
                + "\"aud\":\"account\",\"typ\":\"Bearer\",\"iat\":" + now + ",\"exp\":" + (now + ttl) + ","
                + "\"realm_access\":{\"roles\":[" + roleList + "]}" + serviceClaims(user)
                + (division == null ? "" : ",\"division\":\"" + division + "\"") + "}";
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
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }
}
