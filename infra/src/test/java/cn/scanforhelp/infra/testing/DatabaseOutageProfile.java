package cn.scanforhelp.infra.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service's database behind {@link DatabaseOutage}, with the OIDC provider; a module adds its
 * own stubs by overriding {@link #testResources()}. Short pool timeouts so that an outage is answered
 * within a test's patience.
 */
public class DatabaseOutageProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2s",
                "quarkus.datasource.jdbc.login-timeout", "2s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DatabaseOutage.class), new TestResourceEntry(OidcResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
