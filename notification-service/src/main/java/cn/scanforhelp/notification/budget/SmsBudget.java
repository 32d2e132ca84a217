package cn.scanforhelp.notification.budget;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.persistence.NativeWrite;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The last gate against SMS pumping: the public form makes an SMS to whatever number is typed in, so
 * the messages such an event causes (by default {@code RECEIVED}) are counted per day (China time), for
 * the whole deployment and per number prefix (the first {@code prefix-digits}, 7 = 号段 + HLR, one
 * operator's range of 10,000 numbers). Over either budget the message is stored HELD instead of
 * PENDING: never sent by the sender, shown to staff with the application's messages, counted in
 * {@code sfh_sms_held_total{scope}}. Counters are keyed by an HMAC of the prefix, never the digits.
 * Staff-originated messages (accepted, approved …) are not counted: an officer's action caused them.
 */
@ApplicationScoped
public class SmsBudget {

    private static final Logger LOG = Logger.getLogger(SmsBudget.class);

    /** Counts one more unless the bucket has used {@code ?3} today; no row back means over budget. */
    private static final String TAKE = """
            insert into sms_budget (bucket, day, used) values (?1, ?2, 1)
            on conflict (bucket, day) do update set used = sms_budget.used + 1 where sms_budget.used < ?3
            returning used""";

    /** Why a message is held, as stored in its {@code last_error} and the metric's {@code scope}. */
    public enum Scope {
        PREFIX, DEPLOYMENT
    }

    private final EntityManager em;
    private final FieldCipher cipher;
    private final Config config;
    private final Clock clock;
    private final ZoneId zone;
    private final MeterRegistry metrics;

    public SmsBudget(EntityManager em, FieldCipher cipher, Config config, Clock clock,
            cn.scanforhelp.notification.config.SmsConfig sms, MeterRegistry metrics) {
        this.em = em;
        this.cipher = cipher;
        this.config = config;
        this.clock = clock;
        this.zone = sms.zone();
        this.metrics = metrics;
    }

    /**
     * Takes one SMS of today's budgets for an event of this type to this phone, in the caller's
     * transaction; empty when it may be sent, else the budget it is over (the message is to be HELD).
     */
    public Optional<Scope> take(String eventType, String phone, UUID messageId, String divisionCode) {
        if (!config.enabled() || !config.eventTypes().contains(eventType)) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.now(clock.withZone(zone));
        Scope over = null;
        // The prefix first: when the deployment's budget refuses, the prefix's extra count does not matter
        // any more that day, and a prefix over its budget leaves the deployment's untouched.
        if (!takeOne("prefix:" + cipher.hash("sms-prefix|" + prefixOf(phone)).substring(0, 40), day,
                config.perPrefixPerDay())) {
            over = Scope.PREFIX;
        } else if (!takeOne("deployment", day, config.perDeploymentPerDay())) {
            over = Scope.DEPLOYMENT;
        }
        if (over == null) {
            return Optional.empty();
        }
        metrics.counter("sfh.sms.held", "scope", over.name().toLowerCase()).increment();
        // The message id and division only: the number (even its prefix) stays out of the log.
        LOG.warnf("SMS %s held, not sent: today's %s budget for %s messages is used up (division %s); staff see it "
                + "as HELD with the application's messages", messageId, over.name().toLowerCase(), eventType,
                divisionCode);
        return Optional.of(over);
    }

    private boolean takeOne(String bucket, LocalDate day, int max) {
        if (max <= 0) {
            return false;
        }
        List<?> rows = NativeWrite.toTableWithoutEntity(em, "sms_budget", TAKE).setParameter(1, bucket)
                .setParameter(2, day).setParameter(3, max).getResultList();
        return !rows.isEmpty();
    }

    /** The first {@code prefix-digits} of the mainland number (without +86 or separators). */
    String prefixOf(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return digits.substring(0, Math.min(digits.length(), config.prefixDigits()));
    }

    /** Yesterday's counters are of no use once today has begun. */
    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void purge() {
        NativeWrite.toTableWithoutEntity(em, "sms_budget", "delete from sms_budget where day < ?1")
                .setParameter(1, LocalDate.now(clock.withZone(zone)).minusDays(2)).executeUpdate();
    }

    @ConfigMapping(prefix = "sms.budget")
    public interface Config {
        @WithDefault("true")
        boolean enabled();

        /** SMS of resident-originated events per day for the whole deployment. */
        @WithDefault("3000")
        int perDeploymentPerDay();

        /** SMS of resident-originated events per day to one number prefix. */
        @WithDefault("30")
        int perPrefixPerDay();

        /** Digits of a prefix: 7 = 号段 (3) + HLR (4). */
        @WithDefault("7")
        int prefixDigits();

        /** Event types that anyone on the public side can cause. */
        @WithDefault("RECEIVED")
        List<String> eventTypes();
    }
}
