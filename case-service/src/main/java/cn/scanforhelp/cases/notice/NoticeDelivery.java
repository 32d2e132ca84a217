package cn.scanforhelp.cases.notice;

import cn.scanforhelp.infra.outbox.OutboxDelivery;
import cn.scanforhelp.infra.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Published and withdrawn notices to intake-service, one call each (a few a day per township). */
@ApplicationScoped
public class NoticeDelivery implements OutboxDelivery {

    private final IntakeNoticeClient client;

    public NoticeDelivery(@RestClient IntakeNoticeClient client) {
        this.client = client;
    }

    @Override
    public String destination() {
        return PublicNotices.DESTINATION;
    }

    @Override
    public void deliver(OutboxMessage message) {
        try (Response r = client.send(message.payload())) {
            OutboxDelivery.checkStatus(r.getStatus(), destination());
        }
    }
}
