package cn.scanforhelp.intake.casehandoff;

import cn.scanforhelp.infra.outbox.OutboxDelivery;
import cn.scanforhelp.infra.outbox.OutboxMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Delivers submitted applications to case-service; the outbox relay retries until accepted. */
@ApplicationScoped
public class CaseServiceDelivery implements OutboxDelivery {

    public static final String DESTINATION = "case-service";

    private final CaseServiceClient client;
    private final HandoffPayloads payloads;
    private final ObjectMapper mapper;

    public CaseServiceDelivery(@RestClient CaseServiceClient client, HandoffPayloads payloads, ObjectMapper mapper) {
        this.client = client;
        this.payloads = payloads;
        this.mapper = mapper;
    }

    @Override
    public String destination() {
        return DESTINATION;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        UUID applicationId = UUID.fromString(mapper.readTree(message.payload()).get("applicationId").asText());
        CaseApplicationPayload payload = payloads.build(applicationId, message.id());
        int status;
        try (Response r = client.receive(payload)) {
            status = r.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        }
        OutboxDelivery.checkStatus(status, DESTINATION);
    }
}
