package cn.scanforhelp.notification.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The time every decision uses (quiet hours, retries, give-up): injected so tests can set it. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(SmsConfig config) {
        return Clock.system(config.zone());
    }
}
