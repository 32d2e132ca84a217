package cn.scanforhelp.cases.events;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.OutboxDelivery;
import cn.scanforhelp.infra.outbox.OutboxMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The two outbox destinations of this service. */
public final class Deliveries {

    private Deliveries() {
    }

    /** SMS events: the phone is decrypted here, at the last moment, and never stored in clear. */
    @ApplicationScoped
    public static class ToNotification implements OutboxDelivery {
        private final NotificationClient client;
        private final FieldCipher cipher;
        private final ObjectMapper mapper;

        public ToNotification(@RestClient NotificationClient client, FieldCipher cipher, ObjectMapper mapper) {
            this.client = client;
            this.cipher = cipher;
            this.mapper = mapper;
        }

        @Override
        public String destination() {
            return ResidentNotices.NOTIFICATION;
        }

        @Override
        public void deliver(OutboxMessage message) throws Exception {
            ObjectNode body = (ObjectNode) mapper.readTree(message.payload());
            if (body.hasNonNull("phone")) {
                body.put("phone", cipher.decrypt(body.get("phone").asText()));
            }
            try (Response r = client.send(mapper.writeValueAsString(body))) {
                OutboxDelivery.checkStatus(r.getStatus(), destination());
            }
        }
    }

    /** Status updates, one per linked application (the outbox aggregate is the application id). */
    @ApplicationScoped
    public static class ToIntake implements OutboxDelivery {
        private final IntakeClient client;

        public ToIntake(@RestClient IntakeClient client) {
            this.client = client;
        }

        @Override
        public String destination() {
            return ResidentNotices.INTAKE;
        }

        @Override
        public void deliver(OutboxMessage message) {
            try (Response r = client.status(message.aggregateId(), message.payload())) {
                OutboxDelivery.checkStatus(r.getStatus(), destination());
            }
        }
    }
}
