package cn.scanforhelp.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.Reencryption;
import cn.scanforhelp.notification.message.SmsMessage;
import cn.scanforhelp.notification.message.SmsStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A message's phone is bound to the message: a phone copied from another row (to redirect an SMS) does not
 * decrypt. Phones written before the binding still decrypt, and the re-encryption job rewrites them bound.
 */
@QuarkusTest
class PhoneBindingTest {

    @Inject
    FieldCipher cipher;
    @Inject
    Reencryption reencryption;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Test
    void oldPhonesAreRewrittenBoundAndASwappedPhoneNoLongerDecrypts() {
        // two messages as versions before the binding wrote them (the key id alone as associated data)
        UUID a = insert(cipher.encrypt("13912340001"));
        UUID b = insert(cipher.encrypt("13912340002"));
        assertEquals("13912340001", cipher.decrypt(phoneEnc(a), SmsMessage.phoneOf(a)), "old values still decrypt");

        reencryption.runAll();

        assertTrue(FieldCipher.isBound(phoneEnc(a)) && FieldCipher.isBound(phoneEnc(b)), phoneEnc(a));
        assertEquals("13912340001", cipher.decrypt(phoneEnc(a), SmsMessage.phoneOf(a)));
        assertEquals("13912340002", cipher.decrypt(phoneEnc(b), SmsMessage.phoneOf(b)));

        // someone with write access to the table moves b's phone onto a, to send a's SMS to b's number
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update sms_message set phone_enc = (select phone_enc from sms_message where id = ?2) where id = ?1")
                .setParameter(1, a).setParameter(2, b).executeUpdate());
        String moved = phoneEnc(a);
        FieldCipher.Misplaced e = assertThrows(FieldCipher.Misplaced.class,
                () -> cipher.decrypt(moved, SmsMessage.phoneOf(a)));
        assertTrue(e.getMessage().contains("sms_message.phone_enc of row " + a), e.getMessage());
        assertFalse(e.getMessage().contains("13912340002"));
    }

    @Test
    void newMessagesAreWrittenBound() {
        UUID id = UUID.randomUUID();
        String stored = cipher.encrypt("13912340003", SmsMessage.phoneOf(id));
        UUID row = insert(id, stored);
        assertEquals("13912340003", cipher.decrypt(phoneEnc(row), SmsMessage.phoneOf(row)));
    }

    UUID insert(String phoneEnc) {
        return insert(UUID.randomUUID(), phoneEnc);
    }

    /** A message already sent (the sender leaves it alone). */
    UUID insert(UUID id, String phoneEnc) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SmsMessage m = new SmsMessage();
            m.id = id;
            m.eventId = UUID.randomUUID();
            m.eventType = "RECEIVED";
            m.caseId = UUID.randomUUID().toString();
            m.trackingNumber = "BINDING001";
            m.divisionCode = "620503114";
            m.phoneEnc = phoneEnc;
            m.phoneHash = cipher.hash(UUID.randomUUID().toString());
            m.body = "【麦积区民政局】测试";
            m.parts = 1;
            m.status = SmsStatus.SENT;
            m.udhReference = 1;
            m.nextAttemptAt = OffsetDateTime.now(clock);
            m.giveUpAt = m.nextAttemptAt.plusHours(1);
            m.createdAt = m.nextAttemptAt;
            m.updatedAt = m.nextAttemptAt;
            m.sentAt = m.nextAttemptAt;
            m.persist();
            return m.id;
        });
    }

    String phoneEnc(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select phone_enc from sms_message where id = ?1").setParameter(1, id)
                .getSingleResult());
    }
}
