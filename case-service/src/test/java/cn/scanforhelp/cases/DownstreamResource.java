package cn.scanforhelp.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for notification-service and intake-service (our own services, whose contract with this one
 * is checked by Pact): accepts every event, so tests can look at what was sent. The batch endpoints
 * answer one result per item, as the real ones do: 200, or 400 for an event id in {@link #REFUSED}.
 */
public class DownstreamResource implements QuarkusTestResourceLifecycleManager {

    public static final String EVENTS_BATCH = "/internal/v1/events/batch";
    public static final String STATUSES = "/internal/v1/applications/statuses";
    /** intake's public notices (公示 published / withdrawn). */
    public static final String NOTICES = "/internal/v1/notices";
    /** Event ids the batch endpoints refuse as invalid (the receiver's per-event 400). */
    public static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(new BatchAnswers()));
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
        server.stubFor(post(urlEqualTo(EVENTS_BATCH)).willReturn(aResponse().withTransformers(BatchAnswers.NAME)));
        server.stubFor(post(urlEqualTo(STATUSES)).willReturn(aResponse().withTransformers(BatchAnswers.NAME)));
        server.stubFor(post(urlEqualTo(NOTICES)).willReturn(aResponse().withStatus(204)));
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

    /** One result per item of the request's array, as BatchAnswer. */
    static class BatchAnswers implements ResponseTransformerV2 {
        static final String NAME = "batch-answers";
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public Response transform(Response response, ServeEvent event) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode results = answer.putArray("results");
            try {
                for (JsonNode item : JSON.readTree(event.getRequest().getBodyAsString())) {
                    boolean refused = REFUSED.contains(item.path("eventId").asText());
                    results.addObject().put("status", refused ? 400 : 200)
                            .put("problem", refused ? "urn:scan-for-help:problem:validation-failed" : null)
                            .putNull("body");
                }
            } catch (java.io.IOException e) {
                return Response.Builder.like(response).but().status(400).build();
            }
            return Response.Builder.like(response).but().status(200)
                    .headers(new com.github.tomakehurst.wiremock.http.HttpHeaders(
                            new com.github.tomakehurst.wiremock.http.HttpHeader("Content-Type", "application/json")))
                    .body(answer.toString()).build();
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
}
