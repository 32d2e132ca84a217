package cn.scanforhelp.intake.application;

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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Wrong answers to the status look-up, counted per tracking number and day (China time) in PostgreSQL, so
 * that guessing the 4 digits of a known tracking number stops after a few tries whatever address, replica
 * or restart the guesses come through (the per-address limit alone allows 30 tries per 10 minutes, and
 * the 10,000 possible digits fall in days from a few addresses).
 *
 * <p>An attempt is counted before the digits are compared ({@code insert … on conflict … returning}), so
 * concurrent guesses cannot slip past the limit between a check and a write; a correct answer gives its
 * count back. Once the day's count is over {@code sfh.lookup.max-failures-per-day}, every look-up of that
 * number is refused with a 429 until midnight, also the correct one: otherwise the 11th guess could still
 * be the right one. The counter is written on its own connection in auto-commit, not in the look-up's
 * transaction, whose 404 would roll it back.
 */
@ApplicationScoped
public class LookupAttempts {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String COUNT = "insert into lookup_failure (tracking_hash, day, failures) values (?, ?, 1) "
            + "on conflict (tracking_hash, day) do update set failures = lookup_failure.failures + 1 returning failures";
    private static final String GIVE_BACK = "update lookup_failure set failures = failures - 1 "
            + "where tracking_hash = ? and day = ? and failures > 0";

    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final FieldCipher cipher;
    private final Config config;
    private final Clock clock;

    public LookupAttempts(AgroalDataSource dataSource, EntityManager em, FieldCipher cipher, Config config,
            Clock clock) {
        this.dataSource = dataSource;
        this.em = em;
        this.cipher = cipher;
        this.config = config;
        this.clock = clock;
    }

    /** One attempt at a tracking number, counted until {@link #succeeded} gives it back. */
    public record Attempt(String key, LocalDate day) {
    }

    /**
     * Counts an attempt at this (normalised) tracking number; a 429 problem, with Retry-After and the time
     * to try again, once the day's failures are used up.
     */
    public Attempt begin(String trackingNumber) {
        if (QuarkusTransaction.isActive()) {
            // in a transaction the 404 of a wrong answer would roll the count back
            throw new IllegalStateException("look-up attempts are counted outside a transaction");
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZONE));
        Attempt a = new Attempt("lookup:" + cipher.hash("lookup|" + trackingNumber).substring(0, 40), now.toLocalDate());
        int failures = write(COUNT, a, true);
        if (failures > config.maxFailuresPerDay()) {
            ZonedDateTime next = now.toLocalDate().plusDays(1).atStartOfDay(ZONE);
            long seconds = Math.max(1, Duration.between(now, next).toSeconds() + 1);
            throw new ProblemException(429, "lookup-locked", java.util.List.of(),
                    Map.of("retryAt", next.toOffsetDateTime().toString()), Map.of("Retry-After", Long.toString(seconds)),
                    next.format(SHOWN));
        }
        return a;
    }

    /** The digits were right: the attempt does not count. */
    public void succeeded(Attempt a) {
        write(GIVE_BACK, a, false);
    }

    private int write(String sql, Attempt a, boolean returning) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a.key());
            ps.setObject(2, a.day());
            if (returning) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("look-up counter not written (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Yesterday's counts are of no use after midnight; two days are kept. */
    @Scheduled(every = "1h", delayed = "2m")
    @Transactional
    void purge() {
        NativeWrite.toTableWithoutEntity(em, "lookup_failure", "delete from lookup_failure where day < ?1")
                .setParameter(1, LocalDate.now(clock.withZone(ZONE)).minusDays(2)).executeUpdate();
    }

    @ConfigMapping(prefix = "sfh.lookup")
    public interface Config {
        /** Wrong answers per tracking number per day before it is locked until midnight (China time). */
        @WithDefault("10")
        int maxFailuresPerDay();
    }
}
