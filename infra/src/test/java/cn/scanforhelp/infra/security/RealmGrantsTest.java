package cn.scanforhelp.infra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The realm file gives each service account exactly the client roles of the calls it makes, the same
 * as the test tokens carry, and no service account holds a realm role beyond Keycloak's default.
 */
class RealmGrantsTest {

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(Path.of("..", "deploy", "keycloak", "scan-for-help-realm.json").toFile());
    }

    @Test
    void serviceAccountsHoldExactlyTheRolesOfTheirCalls() throws IOException {
        JsonNode realm = realm();
        Map<String, Map<String, Set<String>>> granted = new HashMap<>();
        for (JsonNode user : realm.path("users")) {
            String client = user.path("serviceAccountClientId").asText(null);
            if (client == null) {
                continue;
            }
            for (JsonNode role : user.path("realmRoles")) {
                assertEquals("default-roles-scan-for-help", role.asText(), client + " holds a realm role");
            }
            Map<String, Set<String>> byReceiver = new HashMap<>();
            user.path("clientRoles").fields().forEachRemaining(e -> {
                Set<String> roles = new HashSet<>();
                e.getValue().forEach(r -> roles.add(r.asText()));
                byReceiver.put(e.getKey(), roles);
            });
            granted.put(client, byReceiver);
        }
        assertEquals(Tokens.GRANTS, granted);
        // every granted role is declared by its client and is one the services check
        Set<String> declared = new HashSet<>();
        realm.path("roles").path("client").fields().forEachRemaining(e -> e.getValue()
                .forEach(r -> declared.add(e.getKey() + "/" + r.path("name").asText())));
        Tokens.GRANTS.values().forEach(m -> m.forEach((receiver, roles) -> roles.forEach(r -> {
            assertTrue(declared.contains(receiver + "/" + r), receiver + "/" + r + " is not declared");
            assertTrue(Roles.SERVICE_ROLES.contains(r), r);
        })));
        realm.path("roles").path("realm").forEach(r -> assertFalse("service".equals(r.path("name").asText()),
                "the blanket realm role is gone"));
    }

    @Test
    void eachServiceAccountsTokenNamesExactlyTheServicesItCalls() throws IOException {
        for (JsonNode client : realm().path("clients")) {
            Map<String, Set<String>> grants = Tokens.GRANTS.get(client.path("clientId").asText());
            if (grants == null) {
                continue;
            }
            Set<String> audiences = new HashSet<>();
            client.path("protocolMappers").forEach(m -> {
                if ("oidc-audience-mapper".equals(m.path("protocolMapper").asText())) {
                    audiences.add(m.path("config").path("included.client.audience").asText());
                }
            });
            assertEquals(grants.keySet(), audiences, client.path("clientId").asText());
        }
    }
}
