package cn.scanforhelp.intake.casehandoff;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.resident;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.OidcResource;
import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.TestCertificates;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * TLS between the services, as the deployment configures it (docs/operations.md, "TLS between services"): the
 * TLS configuration {@code internal} from PEM files (tls.crt, tls.key, ca.crt, made here by keytool), intake
 * serving HTTPS with it, and the handoff to case-service ({@code https://}, {@code tls-configuration-name=internal})
 * carrying an accepted application over TLS. A server whose certificate the CA did not sign is never sent anything.
 */
@QuarkusTest
@TestProfile(InternalTlsTest.Tls.class)
class InternalTlsTest {

    static final int SSL_PORT = freePort();

    public static class Tls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            TestCertificates certs = TestCertificates.get();
            return Map.of("quarkus.tls.internal.key-store.pem.0.cert", certs.cert().toString(),
                    "quarkus.tls.internal.key-store.pem.0.key", certs.key().toString(),
                    "quarkus.tls.internal.trust-store.pem.certs", certs.ca().toString(),
                    "quarkus.http.tls-configuration-name", "internal",
                    "quarkus.http.test-ssl-port", String.valueOf(SSL_PORT),
                    "quarkus.rest-client.case-service.tls-configuration-name", "internal");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(OidcResource.class),
                    new TestResourceEntry(CaseServiceOverTls.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** case-service's intake endpoints behind HTTPS with the CA's certificate for localhost. */
    public static class CaseServiceOverTls implements QuarkusTestResourceLifecycleManager {
        static WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = https(TestCertificates.get().serverStore().toString());
            return Map.of("quarkus.rest-client.case-service.url", "https://localhost:" + server.httpsPort());
        }

        @Override
        public void stop() {
            server.stop();
        }
    }

    static WireMockServer https(String store) {
        WireMockServer s = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                .keystorePath(store).keystorePassword(TestCertificates.PASSWORD)
                .keyManagerPassword(TestCertificates.PASSWORD).keystoreType("PKCS12"));
        s.start();
        s.stubFor(post(urlPathMatching("/internal/v1/applications")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"caseId\":\"3f2a9c1e-8b7d-4e6f-a5c4-2b1d0e9f8a7c\",\"linkedToCaseId\":null}")));
        s.stubFor(post(urlPathMatching("/internal/v1/applications/batch")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"results\":[]}")));
        return s;
    }

    @Inject
    TlsConfigurationRegistry registry;

    @Test
    void anAcceptedApplicationReachesCaseServiceOverTls() {
        resident().body(application()).post("/api/v1/applications").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> !CaseServiceOverTls.server
                .findAll(postRequestedFor(urlPathMatching("/internal/v1/applications(/batch)?"))).isEmpty());
        CaseServiceOverTls.server.verify(postRequestedFor(urlPathMatching("/internal/v1/applications(/batch)?"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void aServerTheCaDidNotSignIsRefusedBeforeAnythingIsSent() {
        WireMockServer rogue = https(TestCertificates.get().rogueStore().toString());
        try {
            CaseServiceClient client = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create("https://localhost:" + rogue.httpsPort()))
                    .tlsConfiguration(registry.get("internal").orElseThrow()).build(CaseServiceClient.class);
            Exception e = assertThrows(Exception.class, () -> client.receiveAll("[]"));
            assertTrue(causedBy(e, SSLHandshakeException.class), String.valueOf(e));
            assertEquals(0, rogue.getAllServeEvents().size());
        } finally {
            rogue.stop();
        }
    }

    @Test
    void intakeServesHttpsWithTheInternalCertificate() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(registry.get("internal").orElseThrow().createSSLContext()).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + SSL_PORT + "/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
        X509Certificate served = (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
        assertEquals("CN=localhost", served.getSubjectX500Principal().getName());
        assertTrue(served.getIssuerX500Principal().getName().contains("sfh test CA"));
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
