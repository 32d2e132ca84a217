package cn.scanforhelp.cases.events;

import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.BatchCalls;
import cn.scanforhelp.infra.outbox.OutboxDelivery;
import cn.scanforhelp.infra.outbox.OutboxMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The two outbox destinations of this service. Under load the relay hands each up to
 * {@link #BATCH_LIMIT} events at once, which go in one call to the receiver's batch endpoint: one
 * token check and one receiver transaction instead of one per event.
 */
public final class Deliveries {

    /** Events per batch call; the receivers take at most 100. */
    static final int BATCH_LIMIT = 100;
    /** Bytes of JSON per call: the receivers refuse bodies above 64 KiB (SFH_MAX_BODY). */
    static final String MAX_BYTES = "sfh.events.batch-max-bytes";

    private Deliveries() {
    }

    /** SMS events: the phone is decrypted here, at the last moment, and never stored in clear. */
    @ApplicationScoped
    public static class ToNotification implements OutboxDelivery {
        private final NotificationClient client;
        private final FieldCipher cipher;
        private final ObjectMapper mapper;
        private final int maxBytes;

        public ToNotification(@RestClient NotificationClient client, FieldCipher cipher, ObjectMapper mapper,
                @ConfigProperty(name = MAX_BYTES, defaultValue = "60000") int maxBytes) {
            this.client = client;
            this.cipher = cipher;
            this.mapper = mapper;
            this.maxBytes = maxBytes;
        }

        @Override
        public String destination() {
            return ResidentNotices.NOTIFICATION;
        }

        @Override
        public void deliver(OutboxMessage message) throws Exception {
            try (Response r = client.send(item(mapper, cipher, message.payload()))) {
                OutboxDelivery.checkStatus(r.getStatus(), destination());
            }
        }

        @Override
        public int batchLimit() {
            return BATCH_LIMIT;
        }

        @Override
        public List<Exception> deliverAll(List<OutboxMessage> messages) {
            return BatchCalls.send(this, messages, m -> item(mapper, cipher, m.payload()), maxBytes,
                    client::sendAll, mapper);
        }

        /**
         * The event as notification-service takes it: the stored payload with the phone decrypted as the case's
         * ({@code case_file.phone_enc} of the payload's {@code caseId}); a phone of another case does not
         * decrypt: the event is parked ({@link OutboxDelivery.PermanentDeliveryFailure}), nothing is sent.
         */
        public static String item(ObjectMapper mapper, FieldCipher cipher, String payload) throws JsonProcessingException {
            UUID caseId = UUID.fromString(mapper.readTree(payload).path("caseId").asText());
            try {
                return item(mapper, phone -> cipher.decrypt(phone, CaseFile.at(CaseFile.PHONE, caseId)), payload);
            } catch (FieldCipher.Misplaced e) {
                // parked, never sent (the message names the case and column, never a phone)
                throw new OutboxDelivery.PermanentDeliveryFailure(e.getMessage());
            }
        }

        /** The event as notification-service takes it: the stored payload with the phone decrypted. */
        public static String item(ObjectMapper mapper, UnaryOperator<String> decrypt, String payload)
                throws JsonProcessingException {
            ObjectNode body = (ObjectNode) mapper.readTree(payload);
            if (body.hasNonNull("phone")) {
                body.put("phone", decrypt.apply(body.get("phone").asText()));
            }
            return mapper.writeValueAsString(body);
        }
    }

    /** Status updates, one per linked application (the outbox aggregate is the application id). */
    @ApplicationScoped
    public static class ToIntake implements OutboxDelivery {
        private final IntakeClient client;
        private final ObjectMapper mapper;
        private final int maxBytes;

        public ToIntake(@RestClient IntakeClient client, ObjectMapper mapper,
                @ConfigProperty(name = MAX_BYTES, defaultValue = "60000") int maxBytes) {
            this.client = client;
            this.mapper = mapper;
            this.maxBytes = maxBytes;
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

        @Override
        public int batchLimit() {
            return BATCH_LIMIT;
        }

        @Override
        public List<Exception> deliverAll(List<OutboxMessage> messages) {
            return BatchCalls.send(this, messages, m -> item(mapper, m.aggregateId(), m.payload()), maxBytes,
                    client::statuses, mapper);
        }

        /** One item of intake's batch: the application id, then the single call's body. */
        public static String item(ObjectMapper mapper, String applicationId, String payload)
                throws JsonProcessingException {
            ObjectNode item = mapper.createObjectNode().put("applicationId", applicationId);
            item.setAll((ObjectNode) mapper.readTree(payload));
            return mapper.writeValueAsString(item);
        }
    }
}
