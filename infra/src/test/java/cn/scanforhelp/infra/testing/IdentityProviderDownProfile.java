package cn.scanforhelp.infra.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service started while Keycloak cannot be reached: a port nobody listens on. */
public class IdentityProviderDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/scan-for-help",
                "quarkus.oidc-client.auth-server-url", "http://127.0.0.1:9/realms/scan-for-help",
                "quarkus.oidc.connection-timeout", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
