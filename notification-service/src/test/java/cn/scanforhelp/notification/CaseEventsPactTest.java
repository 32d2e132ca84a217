package cn.scanforhelp.notification;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.notification.event.CaseEvent;
import cn.scanforhelp.notification.event.EventService;
import cn.scanforhelp.notification.event.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.util.UUID;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies whatever case-service's pacts in {@code src/test/resources/pacts} expect of
 * {@code POST /internal/v1/events}, against the running service with a fresh service token.
 */
@QuarkusTest
@Provider("notification-service")
@PactFolder("pacts")
class CaseEventsPactTest {

    @TestHTTPResource("/")
    URL url;
    @Inject
    EntityManager em;
    @Inject
    EventService events;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(url.getHost(), url.getPort()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", "Bearer " + Tokens.serviceAccount());
        context.verifyInteraction();
    }

    @State("event 6f1c2b9e-1d2a-4c1e-9a55-0d6f5b8a1c01 has not been received")
    void notReceived() {
        forget(UUID.fromString("6f1c2b9e-1d2a-4c1e-9a55-0d6f5b8a1c01"));
    }

    @State("event 2a4c6e80-0000-4000-8000-00000000b002 was already received")
    void alreadyReceived() {
        UUID id = UUID.fromString("2a4c6e80-0000-4000-8000-00000000b002");
        forget(id);
        events.accept(new CaseEvent(id, EventType.REJECTED, "0b7e8a44-3c1d-4f5e-8a9b-2c4d6e8f0a12", "K7QM4HXP2R",
                "620503114", "利桥镇", "0938-2731234", "13812345678", false, null, null, "INCOME_ABOVE_STANDARD",
                null, null, null, null));
    }

    private void forget(UUID eventId) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from sms_segment where message_id in (select id from sms_message where event_id = ?1)")
                    .setParameter(1, eventId).executeUpdate();
            em.createNativeQuery("delete from sms_message where event_id = ?1").setParameter(1, eventId).executeUpdate();
            em.createNativeQuery("delete from inbox_event where event_id = ?1").setParameter(1, eventId).executeUpdate();
        });
    }
}
