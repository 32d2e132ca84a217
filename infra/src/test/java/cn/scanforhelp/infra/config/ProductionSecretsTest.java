package cn.scanforhelp.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    private static final String K1 = "bG9jYWwtb25seS1kZXYta2V5LTMyLWJ5dGVzLSEhISE=";
    private static final String HASH = "bG9jYWwtb25seS1oYXNoLWtleS0zMi1ieXRlcy0hISE=";

    @Test
    void theShippedDefaultsAreRefusedByName() {
        List<String> refused = ProductionSecrets.localOnly(Map.of("sfh.cipher.keys.k1", K1, "sfh.cipher.hash-key", HASH,
                "quarkus.oidc-client.credentials.secret", "case-local-secret"));
        assertEquals(List.of("quarkus.oidc-client.credentials.secret (QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET)",
                "sfh.cipher.hash-key (SFH_CIPHER_HASH_KEY)", "sfh.cipher.keys.k1 (SFH_CIPHER_KEY_K1)"), refused);
        refused.forEach(r -> assertFalse(r.contains(K1) || r.contains(HASH) || r.contains("case-local-secret")));
    }

    @Test
    void everyDemoClientSecretIsRefused() {
        for (String s : List.of("intake-local-secret", "notification-local-secret", "local-only-secret",
                "case-service-secret", "")) {
            assertEquals(1, ProductionSecrets.localOnly(Map.of("quarkus.oidc-client.credentials.secret", s)).size(), s);
        }
    }

    @Test
    void onlyTheProdProfileChecksAndTheLocalRunnerIsExempt() {
        assertEquals(true, ProductionSecrets.applies(List.of("prod")));
        assertEquals(false, ProductionSecrets.applies(List.of("prod", "local")));
        assertEquals(false, ProductionSecrets.applies(List.of("test")));
        assertEquals(false, ProductionSecrets.applies(List.of("dev")));
    }

    @Test
    void realSecretsPass() {
        assertEquals(List.of(), ProductionSecrets.localOnly(Map.of(
                "sfh.cipher.keys.k1", "q3Zb0H3wz4o1m8mK9r3tqv0a7mBvO4mC8n0uYpQ2xX4=",
                "sfh.cipher.keys.k2", "c2VjcmV0LWtleS1mb3ItcHJvZHVjdGlvbi0zMi1ieXQ=",
                "sfh.cipher.hash-key", "Z3Vlc3MtbWUtaWYteW91LWNhbi1oYXNoLWtleS0zMg==",
                "quarkus.oidc-client.credentials.secret", "9f8e7d6c5b4a")));
    }

    @Test
    void oneKeyUnderTwoNamesIsRefusedByNameNeverShown() {
        String key = "q3Zb0H3wz4o1m8mK9r3tqv0a7mBvO4mC8n0uYpQ2xX4=";
        List<String> shared = ProductionSecrets.sharedKeys(Map.of("sfh.cipher.keys.k1", key, "sfh.cipher.hash-key", key,
                "sfh.cipher.hash-keys.h1", "Z3Vlc3MtbWUtaWYteW91LWNhbi1oYXNoLWtleS0zMg=="));
        assertEquals(List.of("sfh.cipher.hash-key (SFH_CIPHER_HASH_KEY) = sfh.cipher.keys.k1 (SFH_CIPHER_KEY_K1)"), shared);
        assertFalse(shared.get(0).contains(key));
        assertEquals(List.of(), ProductionSecrets.sharedKeys(Map.of("sfh.cipher.keys.k1", key,
                "sfh.cipher.hash-key", "Z3Vlc3MtbWUtaWYteW91LWNhbi1oYXNoLWtleS0zMg==")));
    }

    @Test
    void keyChecksTellKeysApartWithoutShowingThem() {
        String key = "q3Zb0H3wz4o1m8mK9r3tqv0a7mBvO4mC8n0uYpQ2xX4=";
        String checks = ProductionSecrets.keyChecks(Map.of("sfh.cipher.keys.k1", key,
                "quarkus.oidc-client.credentials.secret", "9f8e7d6c5b4a"));
        assertEquals(true, checks.matches("sfh\\.cipher\\.keys\\.k1=[0-9a-f]{8}"), checks);
        assertEquals(checks, ProductionSecrets.keyChecks(Map.of("sfh.cipher.keys.k1", key)), "the same key, the same check");
        assertFalse(checks.contains(key));
    }

    @Test
    void addedHashKeysAreCheckedLikeTheOthers() {
        assertEquals(List.of("sfh.cipher.hash-keys.h1 (SFH_CIPHER_HASH_KEYS_H1)"),
                ProductionSecrets.localOnly(Map.of("sfh.cipher.hash-keys.h1", HASH)));
    }
}
