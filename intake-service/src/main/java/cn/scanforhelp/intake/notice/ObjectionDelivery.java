package cn.scanforhelp.intake.notice;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.OutboxDelivery;
import cn.scanforhelp.infra.outbox.OutboxMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Objections filed on a public notice page, to case-service one by one: the objector's name and contact
 * and the text are decrypted here, at the last moment (they wait in the outbox encrypted).
 */
@ApplicationScoped
public class ObjectionDelivery implements OutboxDelivery {

    public static final String DESTINATION = "case-service-objections";

    private final CaseObjectionClient client;
    private final FieldCipher cipher;
    private final ObjectMapper mapper;

    public ObjectionDelivery(@RestClient CaseObjectionClient client, FieldCipher cipher, ObjectMapper mapper) {
        this.client = client;
        this.cipher = cipher;
        this.mapper = mapper;
    }

    @Override
    public String destination() {
        return DESTINATION;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        try (Response r = client.file(message.aggregateId(), body(message.payload()))) {
            OutboxDelivery.checkStatus(r.getStatus(), destination());
        }
    }

    String body(String payload) throws Exception {
        ObjectNode body = (ObjectNode) mapper.readTree(payload);
        for (String f : new String[] {"name", "contact", "text"}) {
            if (body.hasNonNull(f)) {
                body.put(f, cipher.decrypt(body.get(f).asText()));
            }
        }
        return mapper.writeValueAsString(body);
    }
}
