package cn.scanforhelp.intake.challenge;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.persistence.NativeWrite;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.intake.ratelimit.RateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * A question a person answers and a script pumping SMS through the form does not, asked once an address
 * has sent {@code sfh.challenge.after} (3) valid submissions within {@code sfh.challenge.window} (1 h).
 * The question is a sum written in Chinese numerals (七加五等于几？), rendered in the page itself: no
 * script, no image, no third party. Its token {@code nonce.expiry.mac} carries no answer: the mac is an
 * HMAC (the service's hash key) over nonce, expiry and the answer, so only the right answer verifies,
 * only before the expiry, and only once: any answer, right or wrong, uses the token up (its nonce is
 * recorded in {@code challenge_used}).
 */
@ApplicationScoped
public class Challenges {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DIGITS_ZH = "零一二三四五六七八九";

    /** A question to show and the token to send back with its answer. */
    public record Challenge(String question, String token) {
    }

    private final RateLimiter counters;
    private final FieldCipher cipher;
    private final EntityManager em;
    private final Clock clock;
    private final Config config;

    public Challenges(RateLimiter counters, FieldCipher cipher, EntityManager em, Clock clock, Config config) {
        this.counters = counters;
        this.cipher = cipher;
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** Counts this submission of the address; true when it is past the threshold and needs an answer. */
    public boolean required(String clientAddress) {
        if (!config.enabled() || clientAddress == null) {
            return false;
        }
        return counters.count("challenge", clientAddress, config.window()) > config.after();
    }

    /**
     * The API's gate (headers Challenge-Token, Challenge-Answer): past the threshold without the right
     * answer, 403 problem {@code challenge-required} or {@code challenge-failed} with a new question.
     */
    public void check(String clientAddress, String token, String answer, Locale locale) {
        if (required(clientAddress) && !verify(token, answer)) {
            Challenge c = issue(locale);
            throw new ProblemException(403, token == null || token.isBlank() ? "challenge-required" : "challenge-failed")
                    .withExtensions(Map.of("challenge", Map.of("question", c.question(), "token", c.token())));
        }
    }

    public Challenge issue(Locale locale) {
        int a = 1 + RANDOM.nextInt(9);
        int b = 1 + RANDOM.nextInt(9);
        byte[] n = new byte[15];
        RANDOM.nextBytes(n);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(n);
        long expiry = clock.instant().plus(config.ttl()).getEpochSecond();
        String question = "en".equals(locale.getLanguage()) ? "What is " + a + " plus " + b + "?"
                : DIGITS_ZH.charAt(a) + "加" + DIGITS_ZH.charAt(b) + "等于几？";
        return new Challenge(question, nonce + "." + expiry + "." + mac(nonce, expiry, a + b));
    }

    /** The right answer to an unexpired token not answered before; any answer uses the token up. */
    public boolean verify(String token, String answer) {
        Integer given = ChineseNumbers.parse(answer);
        if (token == null || given == null) {
            return false;
        }
        String[] p = token.strip().split("\\.");
        if (p.length != 3 || !p[0].matches("^[A-Za-z0-9_-]{20}$") || !p[1].matches("^[0-9]{1,12}$")) {
            return false;
        }
        long expiry = Long.parseLong(p[1]);
        if (clock.instant().getEpochSecond() > expiry) {
            return false;
        }
        boolean right = MessageDigest.isEqual(mac(p[0], expiry, given).getBytes(StandardCharsets.US_ASCII),
                p[2].getBytes(StandardCharsets.US_ASCII));
        // One answer per question, right or wrong: guessing through the 17 possible sums costs 17 questions.
        boolean first = QuarkusTransaction.joiningExisting().call(() -> NativeWrite.toTableWithoutEntity(em,
                "challenge_used", "insert into challenge_used (nonce, expires_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, p[0]).setParameter(2, Instant.ofEpochSecond(expiry).atOffset(ZoneOffset.UTC))
                .executeUpdate() == 1);
        return right && first;
    }

    private String mac(String nonce, long expiry, int answer) {
        return cipher.hash("form-challenge|" + nonce + "|" + expiry + "|" + answer).substring(0, 32);
    }

    /** A used token is of no more use once it would have expired. */
    @Scheduled(every = "1h", delayed = "2m")
    @Transactional
    void purge() {
        NativeWrite.toTableWithoutEntity(em, "challenge_used", "delete from challenge_used where expires_at < ?1")
                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    @ConfigMapping(prefix = "sfh.challenge")
    public interface Config {
        @WithDefault("true")
        boolean enabled();

        /** Valid submissions per address per window without a question; the next ones need an answer. */
        @WithDefault("3")
        int after();

        @WithDefault("1h")
        Duration window();

        /** How long a question may be answered. */
        @WithDefault("10m")
        Duration ttl();
    }
}
