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
import java.util.List;
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
 * their key until re-encrypted.
 *
 * <p>Hash keys rotate too ({@link #hash}, {@link #hashes}): a hash under {@code hash-keys.<id>} is stored as
 * {@code <id>:<hex>} (cut to {@value #HASH_CHARS} characters, so it fits the columns), one under the
 * original {@code hash-key} (id {@value #ORIGINAL_HASH_KEY}) as the bare 64 hex characters. Look-ups ask
 * for the value's hash under every configured hash key; new rows get the active one's; {@link Reencryption}
 * re-hashes the rows whose hash is under another key.
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
    /** The id of {@code sfh.cipher.hash-key}, whose hashes carry no id (all the hashes before rotation). */
    public static final String ORIGINAL_HASH_KEY = "h0";
    /** The length of every stored hash (the columns are varchar(64)). */
    static final int HASH_CHARS = 64;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(FieldCipher.class);

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

    /** A stored value that no configured key opens: damaged, or written with a key of the same id but other bytes. */
    public static class Undecryptable extends IllegalStateException {
        Undecryptable(Throwable cause) {
            super("decryption failed (wrong key or tampered value)", cause);
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys;
    private final String activeKey;
    /** Hash key id → key, the active one first. */
    private final Map<String, SecretKeySpec> hashKeys = new java.util.LinkedHashMap<>();
    private final String activeHashKey;

    public FieldCipher(Config config) {
        this.keys = new java.util.HashMap<>();
        config.keys().forEach((id, b64) -> keys.put(id, aesKey(id, b64)));
        this.activeKey = config.activeKey();
        if (!keys.containsKey(activeKey)) {
            throw new IllegalStateException("sfh.cipher.active-key '" + activeKey + "' is not among sfh.cipher.keys");
        }
        Map<String, SecretKeySpec> all = new java.util.TreeMap<>();
        config.hashKey().ifPresent(b64 -> all.put(ORIGINAL_HASH_KEY, hmacKey("sfh.cipher.hash-key", b64)));
        config.hashKeys().forEach((id, b64) -> {
            if (id.equals(ORIGINAL_HASH_KEY) || !id.matches("[a-z0-9]{1,8}")) {
                throw new IllegalStateException("sfh.cipher.hash-keys." + id + ": a hash key id is 1-8 of a-z, 0-9, not "
                        + ORIGINAL_HASH_KEY + " (the id of sfh.cipher.hash-key)");
            }
            all.put(id, hmacKey("sfh.cipher.hash-keys." + id, b64));
        });
        this.activeHashKey = config.activeHashKey();
        if (!all.containsKey(activeHashKey)) {
            throw new IllegalStateException("sfh.cipher.active-hash-key '" + activeHashKey + "' is not configured ("
                    + (activeHashKey.equals(ORIGINAL_HASH_KEY) ? "sfh.cipher.hash-key" : "sfh.cipher.hash-keys." + activeHashKey)
                    + ")");
        }
        hashKeys.put(activeHashKey, all.remove(activeHashKey));
        hashKeys.putAll(all);
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
            throw new Undecryptable(e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Undecryptable(e);
        }
    }

    /**
     * A field that is moving from a clear-text column to an encrypted one ({@link Reencryption}): the
     * encrypted value when there is one, else what the older column still holds.
     */
    public String open(String encrypted, String olderClearText) {
        return encrypted != null ? decrypt(encrypted) : olderClearText;
    }

    /**
     * A bound value as a reader shows it: {@code ""} when it was moved here from another row or column (or
     * tampered with), logged by its place only (table, column, row id), never by value.
     */
    public String decryptOrBlank(String stored, Binding at) {
        try {
            return decrypt(stored, at);
        } catch (Misplaced e) {
            LOG.warnf("%s: its encrypted value belongs to another row or column (moved or tampered with); shown blank", at);
            return "";
        }
    }

    /** {@link #open(String, String)} for a bound column. */
    public String open(String encrypted, String olderClearText, Binding at) {
        return encrypted != null ? decrypt(encrypted, at) : olderClearText;
    }

    /** {@link #decryptOrBlank} for a column moving from clear text ({@link #open(String, String)}). */
    public String openOrBlank(String encrypted, String olderClearText, Binding at) {
        return encrypted != null ? decryptOrBlank(encrypted, at) : olderClearText;
    }

    /**
     * Keyed hash for equality look-ups under the active hash key, the form new rows store; {@code null}
     * stays {@code null}. 64 characters: bare hex under {@value #ORIGINAL_HASH_KEY}, else {@code <id>:<hex>}.
     */
    public String hash(String plain) {
        return plain == null ? null : hash(plain, activeHashKey);
    }

    /**
     * The value's hash under every configured hash key, the active one first: what a look-up or duplicate
     * check compares with ({@code hash in (...)}), so rows hashed before a rotation are still found.
     */
    public List<String> hashes(String plain) {
        return plain == null ? List.of() : hashKeys.keySet().stream().map(id -> hash(plain, id)).toList();
    }

    /** The hash key a stored hash was computed with. */
    public static String hashKeyIdOf(String storedHash) {
        if (storedHash == null) {
            return null;
        }
        int colon = storedHash.indexOf(':');
        return colon < 0 ? ORIGINAL_HASH_KEY : storedHash.substring(0, colon);
    }

    /** The hash key new hashes are computed with. */
    public String activeHashKeyId() {
        return activeHashKey;
    }

    private String hash(String plain, String keyId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKeys.get(keyId));
            String hex = HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
            return keyId.equals(ORIGINAL_HASH_KEY) ? hex
                    : keyId + ":" + hex.substring(0, HASH_CHARS - keyId.length() - 1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    private static SecretKeySpec hmacKey(String property, String b64) {
        byte[] hk = Base64.getDecoder().decode(b64.strip());
        if (hk.length < 32) {
            throw new IllegalStateException(property + " must be at least 32 bytes (base64)");
        }
        return new SecretKeySpec(hk, "HmacSHA256");
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

        /**
         * Base64 of at least 32 bytes: the original HMAC key for look-up hashes (id {@value #ORIGINAL_HASH_KEY},
         * hashes stored without an id). Unset once a rotation has re-hashed every row.
         */
        java.util.Optional<String> hashKey();

        /** Hash key id (1-8 of a-z, 0-9) → base64 of at least 32 bytes: the hash keys added by rotations. */
        Map<String, String> hashKeys();

        /** The hash key new hashes are computed with. */
        @WithDefault(ORIGINAL_HASH_KEY)
        String activeHashKey();
    }
}
