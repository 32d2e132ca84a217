package cn.scanforhelp.infra.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A value bound to its table, column and row decrypts there only; values written before bindings still decrypt. */
class FieldCipherBindingTest {

    private static final FieldCipher CIPHER = new FieldCipher(new FieldCipher.Config() {
        @Override
        public Map<String, String> keys() {
            return Map.of("k1", "bG9jYWwtb25seS1kZXYta2V5LTMyLWJ5dGVzLSEhISE=");
        }

        @Override
        public String activeKey() {
            return "k1";
        }

        @Override
        public java.util.Optional<String> hashKey() {
            return java.util.Optional.of("bG9jYWwtb25seS1oYXNoLWtleS0zMi1ieXRlcy0hISE=");
        }

        @Override
        public Map<String, String> hashKeys() {
            return Map.of();
        }

        @Override
        public String activeHashKey() {
            return FieldCipher.ORIGINAL_HASH_KEY;
        }
    });
    private static final UUID A = UUID.fromString("6f1c2b9e-1d2a-4c1e-9a55-0d6f5b8a1c01");
    private static final UUID B = UUID.fromString("6f1c2b9e-1d2a-4c1e-9a55-0d6f5b8a1c02");

    private static FieldCipher.Binding phoneOf(UUID id) {
        return new FieldCipher.Binding("sms_message", "phone_enc", id);
    }

    @Test
    void aBoundValueDecryptsInItsOwnPlace() {
        String stored = CIPHER.encrypt("13912345678", phoneOf(A));
        assertTrue(FieldCipher.isBound(stored), stored);
        assertEquals("k1", FieldCipher.keyIdOf(stored));
        assertEquals("13912345678", CIPHER.decrypt(stored, phoneOf(A)));
    }

    @Test
    void aValueSwappedToAnotherRowFailsWithAClearError() {
        String fromB = CIPHER.encrypt("13800000000", phoneOf(B));
        FieldCipher.Misplaced e = assertThrows(FieldCipher.Misplaced.class, () -> CIPHER.decrypt(fromB, phoneOf(A)));
        assertTrue(e.getMessage().contains("sms_message.phone_enc of row " + A), e.getMessage());
        assertFalse(e.getMessage().contains("13800000000"), "never the value");
    }

    @Test
    void aValueMovedToAnotherColumnOrTableFails() {
        String phone = CIPHER.encrypt("13912345678", phoneOf(A));
        assertThrows(FieldCipher.Misplaced.class,
                () -> CIPHER.decrypt(phone, new FieldCipher.Binding("sms_message", "other_enc", A)));
        assertThrows(FieldCipher.Misplaced.class,
                () -> CIPHER.decrypt(phone, new FieldCipher.Binding("case_file", "phone_enc", A)));
    }

    @Test
    void aBoundValueIsNotReadWithoutItsBinding() {
        String phone = CIPHER.encrypt("13912345678", phoneOf(A));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CIPHER.decrypt(phone));
        assertTrue(e.getMessage().contains("bound"), e.getMessage());
    }

    @Test
    void valuesWrittenBeforeBindingsStillDecrypt() {
        String old = CIPHER.encrypt("13912345678");
        assertFalse(FieldCipher.isBound(old), old);
        assertEquals("13912345678", CIPHER.decrypt(old));
        assertEquals("13912345678", CIPHER.decrypt(old, phoneOf(A)));
        assertNotEquals(old, CIPHER.encrypt("13912345678"), "a fresh IV each time");
    }
}
