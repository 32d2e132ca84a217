package cn.scanforhelp.infra.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the prod profile a service will not call another in clear, unless a service mesh provides mTLS. */
class InternalTransportTest {

    static SmallRyeConfig config(String profile, Map<String, String> values) {
        return new SmallRyeConfigBuilder().withProfiles(List.of(profile.split(",")))
                .withSources(new PropertiesConfigSource(new HashMap<>(values), "test", 500)).build();
    }

    @Test
    void aPlainHttpServiceUrlRefusesTheStartByName() {
        SmallRyeConfig prod = config("prod", Map.of("quarkus.rest-client.case-service.url", "http://case-service:8082",
                "quarkus.rest-client.notification-service.url", "https://notification-service:8443"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InternalTransport.check(prod));
        assertTrue(e.getMessage().contains("quarkus.rest-client.case-service.url (QUARKUS_REST_CLIENT_CASE_SERVICE_URL)"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("notification-service.url") && !e.getMessage().contains("case-service:8082"),
                e.getMessage());
        assertTrue(e.getMessage().contains("sfh.internal-transport=mesh-mtls"), e.getMessage());
    }

    @Test
    void httpsEverywhereOrAMeshStarts() {
        assertDoesNotThrow(() -> InternalTransport.check(config("prod",
                Map.of("quarkus.rest-client.case-service.url", "https://case-service:8443"))));
        assertDoesNotThrow(() -> InternalTransport.check(config("prod", Map.of("quarkus.rest-client.case-service.url",
                "http://case-service:8082", "sfh.internal-transport", "mesh-mtls"))));
        assertEquals(List.of("quarkus.rest-client.a.url (QUARKUS_REST_CLIENT_A_URL)"),
                InternalTransport.plainHttp(Map.of("quarkus.rest-client.a.url", "HTTP://a"), "mesh"));
    }

    @Test
    void outsideProductionAndForTheLocalRunnerHttpIsAllowed() {
        Map<String, String> plain = Map.of("quarkus.rest-client.case-service.url", "http://localhost:8082");
        assertDoesNotThrow(() -> InternalTransport.check(config("test", plain)));
        assertDoesNotThrow(() -> InternalTransport.check(config("prod,local", plain)));
    }
}
