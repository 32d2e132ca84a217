package cn.scanforhelp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.scanforhelp.notification.sending.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void neverMoreThanTheRateInAnyOneSecondWindow() throws Exception {
        RateLimiter limiter = new RateLimiter(50);
        List<Long> times = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        limiter.acquire();
                        synchronized (times) {
                            times.add(System.nanoTime());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        times.sort(Long::compare);
        assertThat(times).hasSize(80);
        for (int i = 50; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 50)).isGreaterThanOrEqualTo(1_000_000_000L);
        }
    }
}
