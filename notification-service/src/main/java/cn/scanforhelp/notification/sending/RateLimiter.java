package cn.scanforhelp.notification.sending;

import java.util.ArrayDeque;

/**
 * At most {@code perSecond} permits in any window of one second, spaced evenly (a token bucket of
 * capacity one, refilled every 1/rate seconds, measured from the previous actual send).
 *
 * <p>Hand-written rather than Guava's RateLimiter: Guava stores unused permits and lets them out as
 * a burst, which could exceed the SMSC's per-second limit in one second; it is also not on the
 * classpath. The window check below makes the guarantee explicit.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final int perSecond;
    private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
    private long next = System.nanoTime();

    public RateLimiter(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 per second");
        }
        this.perSecond = perSecond;
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    /** Blocks until a send is allowed, then counts it. */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= 1_000_000_000L) {
                lastSecond.pollFirst();
            }
            long wait = next - now;
            if (lastSecond.size() >= perSecond) {
                wait = Math.max(wait, lastSecond.peekFirst() + 1_000_000_000L - now);
            }
            if (wait <= 0) {
                lastSecond.addLast(now);
                next = now + intervalNanos;
                return;
            }
            wait(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }
}
