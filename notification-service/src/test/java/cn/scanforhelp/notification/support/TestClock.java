package cn.scanforhelp.notification.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The service's clock in tests: runs at real speed from 10:00 Asia/Shanghai today (outside quiet
 * hours whenever the tests run), and can be moved to any local time.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private volatile Instant base;
    private volatile long startNanos;

    public TestClock() {
        setLocalTime(LocalTime.of(10, 0));
    }

    /** From now on, the clock reads this local time today and runs on. */
    public void setLocalTime(LocalTime t) {
        base = LocalDate.now(ZONE).atTime(t).atZone(ZONE).toInstant();
        startNanos = System.nanoTime();
    }

    public void advance(Duration d) {
        base = base.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return base.plusNanos(System.nanoTime() - startNanos);
    }
}
