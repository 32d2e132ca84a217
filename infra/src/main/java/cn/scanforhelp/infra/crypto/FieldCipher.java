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
 */
@ApplicationScoped
public class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

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

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(activeKey.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct);
            return activeKey + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        String keyId = stored.substring(0, colon);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no key '" + keyId + "' configured to decrypt a stored field");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
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
