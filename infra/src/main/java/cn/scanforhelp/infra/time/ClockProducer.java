package cn.scanforhelp.infra.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock every "today" and "now" of a service reads: deadlines, quiet hours, retries, records'
 * times. Injected (no call reads the system clock itself), so tests pin it to the date they mean
 * ({@code cn.scanforhelp.infra.testing.TestClock} replaces it in every module's tests). Its zone is the
 * deployment's legal time zone, in which working days and calendar days are counted.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(@ConfigProperty(name = "sfh.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        return Clock.system(zone);
    }
}
