package cn.scanforhelp.console.cases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps what a reviewer typed into an action form when the form is sent after the session ended (a long
 * reason must not be lost to a sign-in), until the form is shown again after the new sign-in.
 *
 * <p>Why a cookie, encrypted by the server, and not a draft in the browser's sessionStorage: the action
 * forms must work without JavaScript (older office browsers, the no-JS requirement), and the
 * console keeps no state of its own (several replicas, no database), so the values travel with the browser.
 * They are encrypted (AES-256-GCM, a key derived from the session secret) because a reason can name a
 * resident's circumstances; the cookie is HttpOnly, scoped to that one form's path (one case, one action),
 * lives {@link #TTL} at most, and is deleted as soon as the form has been shown filled again. The form is
 * never sent by itself: the reviewer checks it and presses submit. It is bound to this browser and to the
 * case and action; who may see it again is decided by case-service, which shows the form only to a user
 * who may act on that case now.
 *
 * <p>Cookies hold about 4 KB, so a long draft is split over up to {@link #MAX_CHUNKS} cookies (compressed
 * first). A draft longer than that is not kept (the page after sign-in then simply shows the empty form).
 */
@ApplicationScoped
public class FormDrafts {

    public static final String COOKIE = "sfh-draft-";
    static final Duration TTL = Duration.ofMinutes(15);
    static final int CHUNK = 3800;
    static final int MAX_CHUNKS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Clock clock;
    private final boolean secure;

    public FormDrafts(@ConfigProperty(name = "quarkus.oidc.token-state-manager.encryption-secret") String secret,
            @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
            boolean secure, Clock clock) {
        this.key = new SecretKeySpec(sha256("sfh-form-draft\0" + secret), "AES");
        this.secure = secure;
        this.clock = clock;
    }

    /**
     * The {@code Set-Cookie} headers that keep these values for the form at {@code path}; none when the draft is
     * too long. Written as header values rather than JAX-RS {@code NewCookie}s, which add {@code Version=1}: an
     * RFC 2965 cookie that some clients send back quoted, with {@code $Path} attributes.
     */
    public List<String> stash(String path, Map<String, String> values) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("path", path);
        draft.put("until", clock.instant().plus(TTL).getEpochSecond());
        draft.put("values", values);
        String sealed;
        try {
            sealed = Base64.getUrlEncoder().withoutPadding().encodeToString(seal(deflate(JSON.writeValueAsBytes(draft))));
        } catch (Exception e) {
            return List.of();
        }
        if (sealed.length() > CHUNK * MAX_CHUNKS) {
            return List.of();
        }
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i * CHUNK < sealed.length(); i++) {
            cookies.add(cookie(path, i, sealed.substring(i * CHUNK, Math.min(sealed.length(), (i + 1) * CHUNK)),
                    (int) TTL.toSeconds()));
        }
        return cookies;
    }

    /** The values kept for the form at {@code path}, if there are any, intact and fresh. */
    public Optional<Map<String, String>> find(String path, Map<String, Cookie> cookies) {
        StringBuilder sealed = new StringBuilder();
        for (int i = 0; i < MAX_CHUNKS && cookies.containsKey(COOKIE + i); i++) {
            sealed.append(cookies.get(COOKIE + i).getValue());
        }
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Object> draft = JSON.readValue(inflate(open(Base64.getUrlDecoder().decode(sealed.toString()))),
                    new TypeReference<>() { });
            if (!path.equals(draft.get("path"))
                    || ((Number) draft.get("until")).longValue() < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            ((Map<?, ?>) draft.get("values")).forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
            return Optional.of(values);
        } catch (Exception e) {
            return Optional.empty(); // tampered with, another secret, or cut: nothing to restore
        }
    }

    /** {@code Set-Cookie} headers that delete whatever draft the browser holds for {@code path}. */
    public List<String> clear(String path, Map<String, Cookie> cookies) {
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < MAX_CHUNKS; i++) {
            if (cookies.containsKey(COOKIE + i)) {
                gone.add(cookie(path, i, "", 0));
            }
        }
        return gone;
    }

    private String cookie(String path, int i, String value, int maxAge) {
        // value: base64url; path: /cases/{uuid}/actions/{A-Z_}: nothing to quote or escape
        return COOKIE + i + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    private byte[] seal(byte[] plain) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] ct = c.doFinal(plain);
        return ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
    }

    private byte[] open(byte[] sealed) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
        return c.doFinal(sealed, 12, sealed.length - 12);
    }

    private static byte[] deflate(byte[] in) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(in);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] in) throws DataFormatException {
        Inflater f = new Inflater();
        f.setInput(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!f.finished()) {
            int n = f.inflate(buf);
            if (n == 0 && (f.needsInput() || f.needsDictionary())) {
                break;
            }
            out.write(buf, 0, n);
            if (out.size() > 64 * 1024) {
                throw new DataFormatException("too large");
            }
        }
        f.end();
        return out.toByteArray();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
