package cn.scanforhelp.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * SMS pumping: whoever types numbers into the public form makes RECEIVED messages to them. Over the
 * daily budget of a number prefix they are held (stored, shown to staff as HELD, counted), never sent;
 * staff-originated messages to the same prefix still go.
 */
@QuarkusTest
@TestProfile(SmsBudgetTest.Profile.class)
class SmsBudgetTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sms.budget.enabled", "true", "sms.budget.per-prefix-per-day", "2", "sms.quiet-hours.enabled", "false");
        }
    }

    @Inject
    MeterRegistry metrics;

    @Test
    void thirdReceivedSmsToOnePrefixIsHeldNotSentAndCounted() {
        String prefix = "199" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String[] phones = new String[4];
        for (int i = 0; i < phones.length; i++) {
            phones[i] = prefix + String.format("%04d", i);
        }
        double heldBefore = held();
        String tn = "B" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Events.post(Events.event("RECEIVED", phones[0])).statusCode(202).body("status", equalTo("PENDING"));
        Events.post(Events.event("RECEIVED", phones[1])).statusCode(202).body("status", equalTo("PENDING"));
        Map<String, Object> third = Events.event("RECEIVED", phones[2]);
        third.put("trackingNumber", tn);
        Events.post(third).statusCode(202).body("status", equalTo("HELD"));
        // an officer's decision to the same prefix is not the public's doing: it goes
        Map<String, Object> accepted = Events.event("ACCEPTED", phones[3]);
        Events.post(accepted).statusCode(202).body("status", equalTo("PENDING"));

        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmsc.get().submitsTo(phones[0]).size() == 1
                && TestSmsc.get().submitsTo(phones[1]).size() == 1 && TestSmsc.get().submitsTo(phones[3]).size() == 1);
        assertThat(TestSmsc.get().submitsTo(phones[2])).isEmpty();
        assertThat(held() - heldBefore).isEqualTo(1.0);
        // not lost: staff see it, with why
        given().auth().oauth2(Tokens.liqiao()).queryParam("trackingNumber", tn).get("/api/v1/notifications")
                .then().statusCode(200).body("messages[0].status", equalTo("HELD"))
                .body("messages[0].lastError", equalTo("held: daily SMS budget per prefix used up"));
        // the sender never picks it up later either
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> TestSmsc.get().submitsTo(phones[2]).isEmpty());
    }

    private double held() {
        var c = metrics.find("sfh.sms.held").tag("scope", "prefix").counter();
        return c == null ? 0 : c.count();
    }
}
