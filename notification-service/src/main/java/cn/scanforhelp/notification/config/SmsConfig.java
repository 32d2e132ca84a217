package cn.scanforhelp.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Everything about sending SMS; each key also works as an environment variable (SMS_SMPP_HOST …). */
@ConfigMapping(prefix = "sms")
public interface SmsConfig {

    /** {@code log} (stored and logged, nothing leaves the machine) or {@code smpp}. */
    @WithDefault("log")
    String provider();

    /** The signature every message starts with. */
    @WithDefault("【麦积区民政局】")
    String signature();

    /** Source address of submit_sm (the operator-assigned number or alphanumeric sender). */
    @WithDefault("106900000001")
    String sender();

    /** Zone of quiet hours and of the dates in messages. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Smpp smpp();

    QuietHours quietHours();

    Retry retry();

    Sending sending();

    interface Smpp {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("2775")
        int port();

        @WithDefault("notification")
        String systemId();

        @WithDefault("secret")
        String password();

        @WithDefault("")
        Optional<String> systemType();

        /** Maximum submit_sm PDUs per second; never exceeded. */
        @WithDefault("10")
        int ratePerSecond();

        /** Submits sent and not yet answered at the same time. */
        @WithDefault("10")
        int window();

        @WithDefault("30s")
        Duration enquireLinkInterval();

        /** How long to wait for submit_sm_resp before the outcome counts as unknown. */
        @WithDefault("10s")
        Duration responseTimeout();

        @WithDefault("1s")
        Duration reconnectInitial();

        @WithDefault("60s")
        Duration reconnectMax();
    }

    interface QuietHours {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("21:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();
    }

    interface Retry {
        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("10m")
        Duration maxBackoff();

        /** After this time from the event, a message still failing transiently is given up (FAILED). */
        @WithDefault("24h")
        Duration giveUpAfter();

        /**
         * A row left SUBMITTING this long (the process died between submit_sm and storing its answer)
         * is treated as an unknown outcome; see {@code SmsSender#recoverStale}.
         */
        @WithDefault("2m")
        Duration submittingTimeout();
    }

    interface Sending {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("50")
        int batchSize();
    }
}
