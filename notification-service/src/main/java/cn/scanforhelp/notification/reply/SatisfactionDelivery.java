package cn.scanforhelp.notification.reply;

import cn.scanforhelp.infra.outbox.OutboxDelivery;
import cn.scanforhelp.infra.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Sends satisfaction ratings to case-service (docs/contracts.md, notification → case). */
@ApplicationScoped
public class SatisfactionDelivery implements OutboxDelivery {

    private final CaseServiceClient client;

    public SatisfactionDelivery(@RestClient CaseServiceClient client) {
        this.client = client;
    }

    @Override
    public String destination() {
        return ReplyService.CASE_SERVICE;
    }

    @Override
    public void deliver(OutboxMessage message) {
        int status;
        try (Response r = client.satisfaction(message.aggregateId(), message.payload())) {
            status = r.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        }
        OutboxDelivery.checkStatus(status, destination());
    }
}
