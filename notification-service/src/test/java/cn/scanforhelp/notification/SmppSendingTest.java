package cn.scanforhelp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.scanforhelp.notification.message.SmsMessage;
import cn.scanforhelp.notification.message.SmsStatus;
import cn.scanforhelp.notification.sending.SmsSender;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;

/** Against a real SMPP server: what arrives, in what form, and how often. */
@QuarkusTest
class SmppSendingTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    final TestSmsc smsc = TestSmsc.get();

    @Inject
    EntityManager em;
    @Inject
    SmsSender sender;
    @Inject
    cn.scanforhelp.infra.crypto.FieldCipher cipher;
    @Inject
    java.time.Clock clock;

    @Test
    void chineseMessageArrivesIntactInUcs2WithReceiptRequested() {
        String phone = Events.phone();
        String id = Events.post(Events.event("RECEIVED", phone)).statusCode(202)
                .body("duplicate", equalTo(false)).extract().path("notificationId");
        await().atMost(WAIT).until(() -> smsc.submitsTo(phone).size() == 1);
        TestSmsc.Submit s = smsc.submitsTo(phone).get(0);
        assertThat(s.dataCoding()).isEqualTo((byte) 8);
        assertThat(s.concatenated()).isFalse();
        assertThat(s.registeredDelivery() & 0x03).isEqualTo(1);
        assertThat(s.text()).isEqualTo(
                "【麦积区民政局】您的救助申请已收到，查询号K7QM4HXP2R。利桥镇将于12月2日前决定是否受理。咨询0938-2731234");
        await().atMost(WAIT).until(() -> status(id) == SmsStatus.SENT);
    }

    @Test
    void receiptsMarkDeliveredOrUndeliverable() throws Exception {
        String ok = Events.phone();
        String bad = Events.phone();
        String okId = Events.post(Events.event("MATERIALS_REQUESTED", ok)).statusCode(202).extract().path("notificationId");
        String badId = Events.post(Events.event("MATERIALS_REQUESTED", bad)).statusCode(202).extract().path("notificationId");
        await().atMost(WAIT).until(() -> status(okId) == SmsStatus.SENT && status(badId) == SmsStatus.SENT);
        // MATERIALS_REQUESTED takes two parts: delivered only when both are, undeliverable as soon as one is
        smsc.receipt(smsc.submitsTo(ok).get(0), DeliveryReceiptState.DELIVRD);
        smsc.receipt(smsc.submitsTo(bad).get(1), DeliveryReceiptState.UNDELIV);
        Thread.sleep(300);
        assertThat(status(okId)).isEqualTo(SmsStatus.SENT);
        smsc.receipt(smsc.submitsTo(ok).get(1), DeliveryReceiptState.DELIVRD);
        await().atMost(WAIT).until(() -> status(okId) == SmsStatus.DELIVERED);
        await().atMost(WAIT).until(() -> status(badId) == SmsStatus.UNDELIVERABLE);
        assertThat(message(okId).receiptState).isEqualTo("DELIVRD");
    }

    @Test
    void receiptWithTheIdInDecimalStillMatches() throws Exception {
        String phone = Events.phone();
        String id = Events.post(Events.event("RECEIVED", phone)).statusCode(202).extract().path("notificationId");
        await().atMost(WAIT).until(() -> status(id) == SmsStatus.SENT);
        TestSmsc.Submit s = smsc.submitsTo(phone).get(0);
        smsc.receipt(s, new java.math.BigInteger(s.messageId(), 16).toString(), DeliveryReceiptState.DELIVRD);
        await().atMost(WAIT).until(() -> status(id) == SmsStatus.DELIVERED);
    }

    @Test
    void longMessageArrivesInPartsThatReassembleWithoutSplittingAnEmoji() throws Exception {
        String phone = Events.phone();
        // 66 units, then an emoji (a surrogate pair) across the 67-unit boundary, then more: 200 units in
        // parts of 66 + 67 + 67
        String text = "【麦积区民政局】" + "测".repeat(58) + "😀" + "试".repeat(200 - 8 - 58 - 2);
        assertThat(text).hasSize(200);
        UUID id = insert(phone, text);
        sender.wake();
        await().atMost(WAIT).until(() -> smsc.submitsTo(phone).size() == 3);
        List<TestSmsc.Submit> parts = smsc.submitsTo(phone);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.concatenated()).isTrue();
            assertThat(p.message()[0]).isEqualTo((byte) 5);
            assertThat(p.message()[4]).isEqualTo((byte) 3);
            assertThat(Character.isHighSurrogate(p.text().charAt(p.text().length() - 1))).isFalse();
        });
        assertThat(parts.stream().map(p -> p.message()[3]).distinct()).hasSize(1);
        assertThat(parts.stream().sorted((a, b) -> a.message()[5] - b.message()[5]).map(TestSmsc.Submit::text)
                .collect(Collectors.joining())).isEqualTo(text);
        assertThat(parts.get(0).text()).hasSize(66);
        await().atMost(WAIT).until(() -> status(id.toString()) == SmsStatus.SENT);
        for (TestSmsc.Submit p : parts) {
            smsc.receipt(p, DeliveryReceiptState.DELIVRD);
        }
        await().atMost(WAIT).until(() -> status(id.toString()) == SmsStatus.DELIVERED);
    }

    @Test
    void throttledThenAcceptedGivesOneMessage() {
        String phone = Events.phone();
        smsc.refuseNext(2, 0x58);
        String id = Events.post(Events.event("RECEIVED", phone)).statusCode(202).extract().path("notificationId");
        await().atMost(WAIT).until(() -> status(id) == SmsStatus.SENT);
        assertThat(smsc.submitsTo(phone)).hasSize(1);
        assertThat(message(id).attempts).isEqualTo(3);
    }

    @Test
    void invalidNumberIsNotRetried() throws Exception {
        String phone = Events.phone();
        smsc.refuseNext(1, 0x0B);
        String id = Events.post(Events.event("RECEIVED", phone)).statusCode(202).extract().path("notificationId");
        await().atMost(WAIT).until(() -> status(id) == SmsStatus.FAILED);
        Thread.sleep(1000);
        assertThat(message(id).attempts).isEqualTo(1);
        assertThat(message(id).lastError).contains("0xb");
        assertThat(smsc.submitsTo(phone)).isEmpty();
    }

    @Test
    void repeatedEventSendsNothingNew() throws Exception {
        String phone = Events.phone();
        Map<String, Object> e = Events.event("RECEIVED", phone);
        String id = Events.post(e).statusCode(202).extract().path("notificationId");
        Events.post(e).statusCode(202).body("duplicate", equalTo(true)).body("notificationId", equalTo(id));
        await().atMost(WAIT).until(() -> status(id) == SmsStatus.SENT);
        Events.post(e).statusCode(202).body("duplicate", equalTo(true)).body("status", equalTo("SENT"));
        Thread.sleep(1000);
        assertThat(smsc.submitsTo(phone)).hasSize(1);
    }

    @Test
    void smscDownForAWhileThenUpLosesNothing() throws Exception {
        List<String> phones = List.of(Events.phone(), Events.phone(), Events.phone(), Events.phone(), Events.phone());
        smsc.down();
        try {
            for (String p : phones) {
                Events.post(Events.event("RECEIVED", p)).statusCode(202);
            }
            Thread.sleep(2000);
            assertThat(phones).allSatisfy(p -> assertThat(smsc.submitsTo(p)).isEmpty());
        } finally {
            smsc.up();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> phones.stream().allMatch(p -> smsc.submitsTo(p).size() == 1));
        Thread.sleep(500);
        assertThat(phones).allSatisfy(p -> assertThat(smsc.submitsTo(p)).hasSize(1));
    }

    @Test
    void unansweredSubmitIsSentOnceMoreThenLeftForAnOperator() {
        String phone = Events.phone();
        smsc.holdAnswers(3000); // longer than the 2 s response timeout of the tests
        String id;
        try {
            id = Events.post(Events.event("RECEIVED", phone)).statusCode(202).extract().path("notificationId");
            await().atMost(WAIT).until(() -> status(id) == SmsStatus.UNKNOWN);
        } finally {
            smsc.holdAnswers(0);
        }
        // one duplicate at most: the first submit and the one resend, then no more
        assertThat(smsc.submitsTo(phone)).hasSize(2);
        assertThat(message(id).attempts).isEqualTo(2);
    }

    @Test
    void processKilledDuringSubmitResendsOnceOnly() {
        String phone = Events.phone();
        String id = Events.post(Events.event("RECEIVED", phone)).statusCode(202).extract().path("notificationId");
        await().atMost(WAIT).until(() -> status(id) == SmsStatus.SENT);
        // as if the process had died after claiming (SUBMITTING) and before recording the answer
        simulateCrashDuringSubmit(id);
        await().atMost(WAIT).until(() -> status(id) == SmsStatus.SENT && smsc.submitsTo(phone).size() == 2);
        simulateCrashDuringSubmit(id);
        await().atMost(WAIT).until(() -> status(id) == SmsStatus.UNKNOWN);
        assertThat(smsc.submitsTo(phone)).hasSize(2);
    }

    private void simulateCrashDuringSubmit(String id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update sms_message set status = 'SUBMITTING', "
                + "parts_sent = 0, updated_at = updated_at - interval '1 hour' where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
    }

    /** A message row as EventService writes it, with a body no template produces (200 UTF-16 units). */
    UUID insert(String phone, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SmsMessage m = new SmsMessage();
            m.id = UUID.randomUUID();
            m.eventId = UUID.randomUUID();
            m.eventType = "RECEIVED";
            m.caseId = UUID.randomUUID().toString();
            m.trackingNumber = "LONGTEXT01";
            m.divisionCode = "620503114";
            m.phoneEnc = cipher.encrypt(phone);
            m.phoneHash = cipher.hash(phone);
            m.body = text;
            m.parts = cn.scanforhelp.notification.sending.Segments.count(text);
            m.status = SmsStatus.PENDING;
            m.udhReference = 77;
            m.nextAttemptAt = java.time.OffsetDateTime.now(clock);
            m.giveUpAt = m.nextAttemptAt.plusHours(1);
            m.createdAt = m.nextAttemptAt;
            m.updatedAt = m.nextAttemptAt;
            m.persist();
            return m.id;
        });
    }

    SmsStatus status(String id) {
        return message(id).status;
    }

    SmsMessage message(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SmsMessage m = SmsMessage.findById(UUID.fromString(id));
            em.detach(m);
            return m;
        });
    }
}
