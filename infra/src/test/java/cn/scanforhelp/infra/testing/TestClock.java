package cn.scanforhelp.infra.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The services' clock in every module's tests, in place of the system clock. It starts at a fixed local
 * time in Asia/Shanghai and runs at real speed from there, so no test depends on the day or hour it runs:
 * {@value #DEFAULT_START} (a Wednesday, working day, 10:00, outside SMS quiet hours), or the local date
 * and time in the system property {@code sfh.test.clock} ({@code 2027-02-05} or {@code 2027-02-05T10:00}),
 * which CI uses to run the date-sensitive tests again on awkward days (the eve of Spring Festival, a
 * make-up working Sunday, 31 December, a year with no calendar loaded).
 *
 * <p>One instance per JVM: tests and fixtures read it statically ({@link #now()}, {@link #today()}) and the
 * service gets the same time through the injected bean. Tests that move it put it back with {@link #reset()}.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String DEFAULT_START = "2026-11-25T10:00";
    public static final LocalDateTime START = parse(System.getProperty("sfh.test.clock", DEFAULT_START));

    private static volatile Instant base;
    private static volatile long startNanos;

    static {
        reset();
    }

    private static LocalDateTime parse(String s) {
        String v = s.trim();
        return v.length() == 10 ? LocalDate.parse(v).atTime(10, 0) : LocalDateTime.parse(v);
    }

    /** Back to the run's start ({@link #START}), running on from there. */
    public static void reset() {
        set(START);
    }

    /** From now on, the clock reads this local time (Asia/Shanghai) and runs on. */
    public static void set(LocalDateTime local) {
        base = local.atZone(ZONE).toInstant();
        startNanos = System.nanoTime();
    }

    /** From now on, the clock reads this local time on its current day and runs on. */
    public static void setLocalTime(LocalTime t) {
        set(today().atTime(t));
    }

    public static void advance(Duration d) {
        base = base.plus(d);
    }

    public static Instant current() {
        return base.plusNanos(System.nanoTime() - startNanos);
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(current(), ZONE);
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(current(), ZONE);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return TestClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return current();
            }
        };
    }

    @Override
    public Instant instant() {
        return current();
    }
}
