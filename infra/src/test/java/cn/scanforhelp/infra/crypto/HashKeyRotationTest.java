package cn.scanforhelp.infra.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The look-up hash key rotates: new hashes carry the new key's id, hashes under the previous key still match. */
class HashKeyRotationTest {

    static final String K1 = "bG9jYWwtb25seS1kZXYta2V5LTMyLWJ5dGVzLSEhISE=";
    static final String H0 = "bG9jYWwtb25seS1oYXNoLWtleS0zMi1ieXRlcy0hISE=";
    static final String H1 = "c2Vjb25kLWhhc2gta2V5LTMyLWJ5dGVzLWxvbmchISE=";

    static FieldCipher cipher(Optional<String> original, Map<String, String> added, String active) {
        return new FieldCipher(new FieldCipher.Config() {
            @Override
            public Map<String, String> keys() {
                return Map.of("k1", K1);
            }

            @Override
            public String activeKey() {
                return "k1";
            }

            @Override
            public Optional<String> hashKey() {
                return original;
            }

            @Override
            public Map<String, String> hashKeys() {
                return added;
            }

            @Override
            public String activeHashKey() {
                return active;
            }
        });
    }

    @Test
    void afterARotationNewHashesUseTheNewKeyAndOldOnesStillMatch() {
        FieldCipher before = cipher(Optional.of(H0), Map.of(), FieldCipher.ORIGINAL_HASH_KEY);
        String old = before.hash("620503198001011237");
        assertEquals(64, old.length());
        assertEquals(FieldCipher.ORIGINAL_HASH_KEY, FieldCipher.hashKeyIdOf(old), "hashes before rotation carry no id");

        FieldCipher rotated = cipher(Optional.of(H0), Map.of("h1", H1), "h1");
        String fresh = rotated.hash("620503198001011237");
        assertTrue(fresh.startsWith("h1:"), fresh);
        assertEquals(64, fresh.length(), "fits the varchar(64) hash columns");
        assertEquals("h1", FieldCipher.hashKeyIdOf(fresh));
        assertEquals(List.of(fresh, old), rotated.hashes("620503198001011237"), "a look-up asks for both, new first");
        assertNotEquals(rotated.hashes("620503198001011238"), rotated.hashes("620503198001011237"));

        // once every row is re-hashed the original key goes: only the new hash is asked for
        FieldCipher after = cipher(Optional.empty(), Map.of("h1", H1), "h1");
        assertEquals(List.of(fresh), after.hashes("620503198001011237"));
    }

    @Test
    void anActiveHashKeyThatIsNotConfiguredOrABadIdIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> cipher(Optional.of(H0), Map.of(), "h1"));
        assertThrows(IllegalStateException.class, () -> cipher(Optional.of(H0), Map.of("H-1", H1), "h0"));
        assertThrows(IllegalStateException.class, () -> cipher(Optional.of(H0), Map.of("h2", "c2hvcnQ="), "h0"));
    }
}
