package cn.scanforhelp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuietHoursTest {

    @AfterEach
    void daytime() {
        TestClock.reset();
    }

    @Test
    void nonUrgentWaitsUntilEightUrgentGoesAtOnce() throws Exception {
        TestClock.setLocalTime(LocalTime.of(22, 30));
        String night = Events.phone();
        String urgent = Events.phone();
        String scheduled = Events.post(Events.event("RECEIVED", night)).statusCode(202)
                .body("status", equalTo("PENDING")).extract().path("scheduledFor");
        OffsetDateTime at = OffsetDateTime.parse(scheduled);
        assertThat(at.atZoneSameInstant(TestClock.ZONE).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        Map<String, Object> aid = Events.event("EMERGENCY_AID", urgent);
        aid.put("amountYuan", 800);
        Events.post(aid).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmsc.get().submitsTo(urgent).size() == 1);
        Thread.sleep(1500);
        assertThat(TestSmsc.get().submitsTo(night)).isEmpty();
        // the next morning, 08:00 and a second
        TestClock.advance(Duration.ofHours(9).plusMinutes(30).plusSeconds(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmsc.get().submitsTo(night).size() == 1);
    }
}
