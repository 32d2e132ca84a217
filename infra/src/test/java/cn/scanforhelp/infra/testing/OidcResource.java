package cn.scanforhelp.infra.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * An OpenID provider for tests on a free port (WireMock, as quarkus-test-oidc-server uses): it
 * publishes discovery and a JWKS with a key generated for this JVM, and issues client-credentials
 * tokens; {@link CodeFlow} adds the authorization-code flow for the staff console. {@link Tokens} signs tokens with the private key, so the services check real RS256
 * signatures, issuers and expiry exactly as against Keycloak.
 */
public class OidcResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_PATH = "/realms/scan-for-help";
    static final KeyPair KEYS = generate();
    static final String KID = "test-key-1";
    private static WireMockServer server;

    public static synchronized String issuer() {
        return "http://localhost:" + server().port() + REALM_PATH;
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(new CodeFlow()));
            server.start();
            stub(server);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    private static void stub(WireMockServer s) {
        String base = "http://localhost:" + s.port() + REALM_PATH;
        s.stubFor(get(urlEqualTo(REALM_PATH + "/.well-known/openid-configuration")).willReturn(json("""
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "userinfo_endpoint":"%1$s/protocol/openid-connect/userinfo",
                 "end_session_endpoint":"%1$s/protocol/openid-connect/logout",
                 "code_challenge_methods_supported":["S256"],
                 "introspection_endpoint":"%1$s/protocol/openid-connect/token/introspect",
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(base))));
        RSAPublicKey pub = (RSAPublicKey) KEYS.getPublic();
        s.stubFor(get(urlEqualTo(REALM_PATH + "/protocol/openid-connect/certs")).willReturn(json("""
                {"keys":[{"kid":"%s","kty":"RSA","alg":"RS256","use":"sig","n":"%s","e":"%s"}]}"""
                .formatted(KID, b64(pub.getModulus()), b64(pub.getPublicExponent())))));
        // as Keycloak: introspection needs the calling client's credentials, which the services do not send
        s.stubFor(post(urlEqualTo(REALM_PATH + "/protocol/openid-connect/token/introspect")).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Authentication failed\"}")));
        // the token endpoint: client credentials for the services' own outbound calls (the calling client's
        // roles from Tokens.GRANTS, no
        // division), and the console's code flow and refresh (CodeFlow); CodeFlow also serves the login page
        // and the end-session endpoint
        s.stubFor(post(urlEqualTo(REALM_PATH + "/protocol/openid-connect/token"))
                .willReturn(aResponse().withTransformers(CodeFlow.NAME)));
        s.stubFor(any(urlPathEqualTo(REALM_PATH + "/protocol/openid-connect/auth"))
                .willReturn(aResponse().withTransformers(CodeFlow.NAME)));
        s.stubFor(get(urlPathEqualTo(REALM_PATH + "/protocol/openid-connect/logout"))
                .willReturn(aResponse().withTransformers(CodeFlow.NAME)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String b64(BigInteger v) {
        byte[] bytes = v.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer(),
                "quarkus.oidc.token.issuer", issuer(),
                "quarkus.oidc-client.auth-server-url", issuer(),
                // each service keeps its own client id: the token endpoint grants that client's roles
                "quarkus.oidc-client.credentials.secret", "test-secret");
    }

    @Override
    public void stop() {
        // shared for the JVM's lifetime
    }
}
