package cn.scanforhelp.notification.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import cn.scanforhelp.infra.testing.OidcResource;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** case-service, as far as this service calls it: WireMock on the test provider's server. */
public class CaseServiceStub implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server() {
        return OidcResource.server();
    }

    @Override
    public Map<String, String> start() {
        WireMockServer s = server();
        s.stubFor(post(urlPathMatching("/internal/v1/cases/[^/]+/satisfaction"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        return Map.of("quarkus.rest-client.case-service.url", "http://127.0.0.1:" + s.port());
    }

    @Override
    public void stop() {
        // shared server
    }
}
