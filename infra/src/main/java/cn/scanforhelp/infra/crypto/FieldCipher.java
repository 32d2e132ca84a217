package cn.scanforhelp.infra.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal fields (ID number, phone) at rest with AES-256-GCM from the JDK, and computes
 * the keyed hash (HMAC-SHA256) stored beside them for look-ups and duplicate checks.
 *
 * <p>Stored form: {@code <keyId>:<base64(iv ‖ ciphertext+tag)>}. The key id travels with every
 * value, so keys can rotate: new writes use {@code active-key}, old values still decrypt with
 * their key until re-encrypted. The hash key never rotates silently (it would break look-ups).
 *
 * <p>A value written with a {@link Binding} ({@code <keyId>:2:<base64>}) has its table, column and row id
 * in the GCM associated data beside the key id: copied to another row or column (say a phone moved to
 * another message to redirect its SMS) it does not decrypt ({@link Misplaced}). Values written before
 * (the key id alone as associated data) still decrypt, and {@link Reencryption} rewrites them bound.
 */
@ApplicationScoped
public class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The marker after the key id of a value bound to its place. */
    private static final String BOUND = "2";

    /** Where a value is stored: the table, the column and the row's id. */
    public record Binding(String table, String column, Object rowId) {
        public Binding {
            if (table == null || column == null || rowId == null) {
                throw new IllegalArgumentException("a binding needs its table, column and row id");
            }
        }

        byte[] aad(String keyId) {
            String aad = String.join("\u0000", BOUND, keyId, table, column, rowId.toString());
            return aad.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return table + "." + column + " of row " + rowId;
        }
    }

    /** A bound value read in another place than its own: moved from another row or column, or tampered with. */
    public static class Misplaced extends IllegalStateException {
        Misplaced(Binding at, Throwable cause) {
            super("the stored value is not " + at + ": it was moved from another row or column, or tampered with",
                    cause);
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys;
    private final String activeKey;
    private final SecretKeySpec hashKey;

    public FieldCipher(Config config) {
        this.keys = new java.util.HashMap<>();
        config.keys().forEach((id, b64) -> keys.put(id, aesKey(id, b64)));
        this.activeKey = config.activeKey();
        if (!keys.containsKey(activeKey)) {
            throw new IllegalStateException("sfh.cipher.active-key '" + activeKey + "' is not among sfh.cipher.keys");
        }
        byte[] hk = Base64.getDecoder().decode(config.hashKey());
        if (hk.length < 32) {
            throw new IllegalStateException("sfh.cipher.hash-key must be at least 32 bytes (base64)");
        }
        this.hashKey = new SecretKeySpec(hk, "HmacSHA256");
    }

    /** A value not bound to its place (the form before bindings; for columns whose readers pass none). */
    public String encrypt(String plain) {
        return plain == null ? null : activeKey + ":" + seal(plain, activeKey.getBytes(StandardCharsets.UTF_8));
    }

    /** A value bound to its table, column and row: it decrypts only with the same binding. */
    public String encrypt(String plain, Binding at) {
        return plain == null ? null : activeKey + ":" + BOUND + ":" + seal(plain, at.aad(activeKey));
    }

    /** Decrypts a value written without a binding; a bound one needs {@link #decrypt(String, Binding)}. */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (isBound(stored)) {
            throw new IllegalStateException("the stored value is bound to its row: read it with its binding");
        }
        String keyId = keyIdOf(stored);
        return open(stored.substring(keyId.length() + 1), keyId, keyId.getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * Decrypts a value stored at {@code at}: a bound value only there ({@link Misplaced} elsewhere), a value
     * written before bindings as it always did.
     */
    public String decrypt(String stored, Binding at) {
        if (stored == null || !isBound(stored)) {
            return decrypt(stored);
        }
        String keyId = keyIdOf(stored);
        return open(stored.substring(keyId.length() + BOUND.length() + 2), keyId, at.aad(keyId), at);
    }

    /** Whether a stored value is bound to its table, column and row. */
    public static boolean isBound(String stored) {
        return stored != null && stored.startsWith(BOUND + ":", stored.indexOf(':') + 1);
    }

    private String seal(String plain, byte[] aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad);
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    private String open(String b64, String keyId, byte[] aad, Binding at) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no key '" + keyId + "' configured to decrypt a stored field");
        }
        try {
            byte[] all = Base64.getDecoder().decode(b64);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(aad);
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            if (at != null) {
                throw new Misplaced(at, e);
            }
            throw new IllegalStateException("decryption failed (wrong key or tampered value)", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("decryption failed (wrong key or tampered value)", e);
        }
    }

    /**
     * A field that is moving from a clear-text column to an encrypted one ({@link Reencryption}): the
     * encrypted value when there is one, else what the older column still holds.
     */
    public String open(String encrypted, String olderClearText) {
        return encrypted != null ? decrypt(encrypted) : olderClearText;
    }

    /** Keyed hash for equality look-ups; {@code null} stays {@code null}. Hex, 64 characters. */
    public String hash(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    /** The key new values are encrypted with. */
    public String activeKeyId() {
        return activeKey;
    }

    /** The key id a stored value was written with (for re-encryption after rotation). */
    public static String keyIdOf(String stored) {
        return stored == null ? null : stored.substring(0, stored.indexOf(':'));
    }

    private static SecretKeySpec aesKey(String id, String b64) {
        byte[] k = Base64.getDecoder().decode(b64);
        if (k.length != 32) {
            throw new IllegalStateException("sfh.cipher.keys." + id + " must be 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(k, "AES");
    }

    @ConfigMapping(prefix = "sfh.cipher")
    public interface Config {
        /** Key id → base64 of a 32-byte AES key. */
        Map<String, String> keys();

        @WithDefault("k1")
        String activeKey();

        /** Base64 of at least 32 bytes: the HMAC key for look-up hashes. */
        String hashKey();
    }
}
