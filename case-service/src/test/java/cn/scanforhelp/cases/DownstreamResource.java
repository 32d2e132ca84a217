package cn.scanforhelp.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Stands in for notification-service and intake-service (our own services, whose contract with this one
 * is checked by Pact): accepts every event, so tests can look at what was sent.
 */
public class DownstreamResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            stubDefaults();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    public static void stubDefaults() {
        server.stubFor(post(urlEqualTo("/internal/v1/events")).willReturn(aResponse().withStatus(202)));
        server.stubFor(post(urlPathMatching("/internal/v1/applications/[^/]+/status"))
                .willReturn(aResponse().withStatus(204)));
    }

    @Override
    public Map<String, String> start() {
        String url = "http://127.0.0.1:" + server().port();
        return Map.of("quarkus.rest-client.notification-service.url", url,
                "quarkus.rest-client.intake-service.url", url);
    }

    @Override
    public void stop() {
        // shared for the JVM's lifetime
    }
}
