package cn.scanforhelp.intake.ratelimit;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.persistence.NativeWrite;
import cn.scanforhelp.infra.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fixed-window counters in PostgreSQL, so the limits hold however many replicas run: one upsert per
 * hit ({@code insert … on conflict do update … returning}). Keys are HMACs of the client address,
 * phone or ID number: no raw address or number is stored.
 *
 * <p>A hit joins the caller's transaction when there is one (the per-phone and per-ID-number checks
 * inside a submission):
 * asking for a new transaction there would need a second pooled connection while the first is held,
 * and under load every worker would wait for one (a pool deadlock the benchmark found). A refused hit
 * rolls back with its request, so the counter stays at the limit and keeps refusing until the window
 * ends.
 *
 * <p>Outside a transaction (the per-address check, made before the request is even read, so that
 * invalid requests count too) the upsert runs alone on a connection in auto-commit: one round trip and
 * no transaction manager or Hibernate session around it. As a {@code @Transactional} method it cost a
 * fifth of intake's CPU per submission in a profile under wrk.
 */
@ApplicationScoped
public class RateLimiter {

    public enum Limit {
        SUBMIT_PER_ADDRESS, SUBMIT_PER_PHONE, SUBMIT_PER_ID_NUMBER, LOOKUP_PER_ADDRESS,
        OBJECTION_PER_ADDRESS
    }

    private static final String UPSERT = "insert into rate_limit_counter (bucket, window_start, hits) "
            + "values (?, ?, 1) on conflict (bucket, window_start) do update set hits = rate_limit_counter.hits + 1 "
            + "returning hits";

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final FieldCipher cipher;
    private final Config config;
    private final java.time.Clock clock;

    public RateLimiter(EntityManager em, AgroalDataSource dataSource, FieldCipher cipher, Config config,
            java.time.Clock clock) {
        this.clock = clock;
        this.em = em;
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.config = config;
    }

    /**
     * Counts one hit, in the caller's transaction if there is one; a 429 problem with Retry-After once
     * the window's limit is passed.
     */
    public void hit(Limit limit, String subject) {
        if (!config.enabled() || subject == null) {
            return;
        }
        int max = switch (limit) {
            case SUBMIT_PER_ADDRESS -> config.submitPerAddress();
            case SUBMIT_PER_PHONE -> config.submitPerPhone();
            case SUBMIT_PER_ID_NUMBER -> config.submitPerIdNumber();
            case LOOKUP_PER_ADDRESS -> config.lookupPerAddress();
            case OBJECTION_PER_ADDRESS -> config.objectionPerAddress();
        };
        Duration window = switch (limit) {
            case SUBMIT_PER_ADDRESS -> config.submitAddressWindow();
            case SUBMIT_PER_PHONE -> config.submitPhoneWindow();
            case SUBMIT_PER_ID_NUMBER -> config.submitIdNumberWindow();
            case LOOKUP_PER_ADDRESS -> config.lookupAddressWindow();
            case OBJECTION_PER_ADDRESS -> config.objectionAddressWindow();
        };
        long windowMs = window.toMillis();
        long now = clock.millis();
        long start = now - now % windowMs;
        String bucket = limit.name().toLowerCase() + ":" + cipher.hash(limit.name() + "|" + subject).substring(0, 40);
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC);
        int hits = QuarkusTransaction.isActive() ? inTransaction(bucket, windowStart) : alone(bucket, windowStart);
        if (hits > max) {
            long retryAfter = Math.max(1, (start + windowMs - now + 999) / 1000);
            throw new ProblemException(429, "too-many-requests").withHeader("Retry-After", Long.toString(retryAfter));
        }
    }

    /**
     * Counts one hit of a counter that refuses nothing by itself (the form's challenge threshold) and
     * returns the window's hits so far, this one included.
     */
    public int count(String name, String subject, Duration window) {
        long windowMs = window.toMillis();
        long now = clock.millis();
        String bucket = name + ":" + cipher.hash(name + "|" + subject).substring(0, 40);
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(Instant.ofEpochMilli(now - now % windowMs), ZoneOffset.UTC);
        return QuarkusTransaction.isActive() ? inTransaction(bucket, windowStart) : alone(bucket, windowStart);
    }

    private int inTransaction(String bucket, OffsetDateTime windowStart) {
        return ((Number) NativeWrite.toTableWithoutEntity(em, "rate_limit_counter", UPSERT)
                .setParameter(1, bucket).setParameter(2, windowStart).getSingleResult()).intValue();
    }

    private int alone(String bucket, OffsetDateTime windowStart) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, bucket);
            ps.setObject(2, windowStart);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate-limit counter not written (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Old windows are of no use; the longest window is a day. */
    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void purge() {
        NativeWrite.to(em, "rate_limit_counter",
                        "delete from rate_limit_counter where window_start < ?1")
                .setParameter(1, java.time.OffsetDateTime.now(clock).minusDays(2)).executeUpdate();
    }

    @ConfigMapping(prefix = "sfh.rate-limit")
    public interface Config {
        @WithDefault("true")
        boolean enabled();

        /** Submissions per client address per window (a village office may share one address). */
        @WithDefault("20")
        int submitPerAddress();

        @WithDefault("10m")
        Duration submitAddressWindow();

        @WithDefault("5")
        int submitPerPhone();

        @WithDefault("1d")
        Duration submitPhoneWindow();

        /**
         * Public submissions per ID number per window, whatever the phone: someone typing in a neighbour's
         * ID number (widely leaked) cannot keep submitting in their name.
         */
        @WithDefault("3")
        int submitPerIdNumber();

        @WithDefault("1d")
        Duration submitIdNumberWindow();

        @WithDefault("30")
        int lookupPerAddress();

        @WithDefault("10m")
        Duration lookupAddressWindow();

        /** Objections filed on public notice pages per client address per window. */
        @WithDefault("5")
        int objectionPerAddress();

        @WithDefault("1h")
        Duration objectionAddressWindow();
    }
}
