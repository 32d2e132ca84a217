package cn.scanforhelp.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * case-service, stubbed for intake's tests (the contract itself is checked by Pact): it accepts every
 * application with 200 unless a test changes the stub.
 */
public class CaseServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/internal/v1/applications";
    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            accept();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    /** Back to normal: every application accepted. */
    public static void accept() {
        server().resetMappings();
        server().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"caseId\":\"3f2a9c1e-8b7d-4e6f-a5c4-2b1d0e9f8a7c\",\"linkedToCaseId\":null}")));
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.case-service.url", "http://127.0.0.1:" + server().port());
    }

    @Override
    public void stop() {
        // shared for the JVM's lifetime
    }
}
