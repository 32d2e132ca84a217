package cn.scanforhelp.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * case-service, stubbed for intake's tests (the contract itself is checked by Pact): it accepts every
 * application with 200 unless a test changes the stub. The batch call answers one result per
 * application, 200 each, except 400 for those a test names in {@link #acceptAllBut}.
 */
public class CaseServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/internal/v1/applications";
    public static final String BATCH_PATH = PATH + "/batch";
    /** Both calls: one application, or a batch. */
    public static final UrlPattern EITHER = urlPathMatching(PATH + "(/batch)?");
    static final String ANSWER = "{\"caseId\":\"3f2a9c1e-8b7d-4e6f-a5c4-2b1d0e9f8a7c\",\"linkedToCaseId\":null}";
    static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();
    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(new BatchResults()));
            server.start();
            accept();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    /** Back to normal: every application accepted. */
    public static void accept() {
        acceptAllBut();
    }

    /** Every application accepted except these, which case-service refuses (400), alone or in a batch. */
    public static void acceptAllBut(String... refusedApplicationIds) {
        REFUSED.clear();
        REFUSED.addAll(java.util.List.of(refusedApplicationIds));
        server().resetMappings();
        server().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ANSWER)));
        server().stubFor(post(urlEqualTo(BATCH_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers(BatchResults.NAME)));
        for (String id : refusedApplicationIds) {
            server().stubFor(post(urlEqualTo(PATH)).withRequestBody(WireMock.containing(id)).atPriority(1)
                    .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                            .withBody("{\"type\":\"urn:scan-for-help:problem:validation-failed\",\"status\":400}")));
        }
    }

    /** Whether case-service accepted this application in this call (the batch call: per its result). */
    public static boolean accepted(ServeEvent e, JsonNode application, int index) throws Exception {
        if (e.getResponseDefinition().getFault() != null || e.getResponse().getStatus() != 200) {
            return false; // a faulted answer is logged with status 200 too, but the connection was reset
        }
        if (!e.getRequest().getUrl().equals(BATCH_PATH)) {
            return true;
        }
        JsonNode results = new ObjectMapper().readTree(e.getResponse().getBodyAsString()).get("results");
        return results.get(index).get("status").asInt() == 200;
    }

    /** Answers a batch call with one result per application of its body. */
    static final class BatchResults implements ResponseDefinitionTransformerV2 {
        static final String NAME = "batch-results";
        final ObjectMapper json = new ObjectMapper();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            StringBuilder body = new StringBuilder("{\"results\":[");
            try {
                JsonNode batch = json.readTree(event.getRequest().getBodyAsString());
                for (int i = 0; i < batch.size(); i++) {
                    body.append(i == 0 ? "" : ",");
                    body.append(REFUSED.contains(batch.get(i).get("applicationId").asText())
                            ? "{\"status\":400,\"problem\":\"urn:scan-for-help:problem:validation-failed\",\"body\":null}"
                            : "{\"status\":200,\"problem\":null,\"body\":" + ANSWER + "}");
                }
            } catch (Exception e) {
                return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(400).build();
            }
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
                    .withBody(body.append("]}").toString()).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
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
