package cn.scanforhelp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.scanforhelp.notification.event.CaseEvent;
import cn.scanforhelp.notification.event.EventService;
import cn.scanforhelp.notification.event.EventType;
import cn.scanforhelp.notification.sending.SmsSender;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A burst of 1,000 messages due at once: each sent once, never more per second than configured. */
@QuarkusTest
class RateBurstTest {

    @Inject
    EventService events;
    @Inject
    SmsSender sender;
    @ConfigProperty(name = "sms.smpp.rate-per-second")
    int rate;

    @Test
    void thousandMessagesRespectTheRate() {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            phones.add(Events.phone());
        }
        // all committed together, so the sender finds 1,000 due rows at once
        QuarkusTransaction.requiringNew().run(() -> {
            for (String p : phones) {
                events.accept(new CaseEvent(UUID.randomUUID(), EventType.RECEIVED, UUID.randomUUID().toString(),
                        "BURST00001", "620503114", "利桥镇", "0938-2731234", p, false, null,
                        LocalDate.of(2026, 12, 2), null, null, null, null, null), "case-service");
            }
        });
        sender.wake();
        Set<String> wanted = Set.copyOf(phones);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestSmsc.get().submits().stream().filter(s -> wanted.contains(s.to())).count() >= 1000);
        List<TestSmsc.Submit> burst = TestSmsc.get().submits().stream().filter(s -> wanted.contains(s.to())).toList();
        Map<String, Long> perPhone = burst.stream().collect(Collectors.groupingBy(TestSmsc.Submit::to,
                Collectors.counting()));
        assertThat(perPhone).hasSize(1000).allSatisfy((p, n) -> assertThat(n).isEqualTo(1));
        // counted where it matters: at the SMSC, per second of arrival
        Map<Long, Long> perSecond = burst.stream().collect(Collectors.groupingBy(s -> s.atMillis() / 1000,
                Collectors.counting()));
        System.out.printf("burst: %d submit_sm over %d seconds, at most %d in one second (rate %d)%n", burst.size(),
                perSecond.size(), perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0), rate);
        assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo((long) rate));
        assertThat(perSecond.size()).isGreaterThanOrEqualTo(1000 / rate);
    }

    @Test
    void sendersRacingLikeReplicasSendEachMessageOnce() throws Exception {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            phones.add(Events.phone());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (String p : phones) {
                events.accept(new CaseEvent(UUID.randomUUID(), EventType.RECEIVED, UUID.randomUUID().toString(),
                        "RACE000001", "620503114", "利桥镇", "0938-2731234", p, false, null,
                        LocalDate.of(2026, 12, 2), null, null, null, null, null), "case-service");
            }
        });
        // three more claimers besides the service's own worker: as replicas sharing one database
        List<Thread> replicas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(sender::drain);
            replicas.add(t);
            t.start();
        }
        sender.wake();
        for (Thread t : replicas) {
            t.join();
        }
        Set<String> wanted = Set.copyOf(phones);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestSmsc.get().submits().stream().filter(s -> wanted.contains(s.to())).count() >= 200);
        Thread.sleep(1000);
        Map<String, Long> perPhone = TestSmsc.get().submits().stream().filter(s -> wanted.contains(s.to()))
                .collect(Collectors.groupingBy(TestSmsc.Submit::to, Collectors.counting()));
        assertThat(perPhone).hasSize(200).allSatisfy((p, n) -> assertThat(n).isEqualTo(1));
    }
}
