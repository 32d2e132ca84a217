package cn.scanforhelp.notification.sending;

import cn.scanforhelp.notification.reply.ReplyService;
import cn.scanforhelp.notification.smpp.InboundHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Receipts update the message they belong to; anything else from a phone is a reply. */
@ApplicationScoped
public class Inbound implements InboundHandler {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Inbound.class);

    private final EntityManager em;
    private final Clock clock;
    private final ReplyService replies;

    public Inbound(EntityManager em, Clock clock, ReplyService replies) {
        this.em = em;
        this.clock = clock;
        this.replies = replies;
    }

    @Override
    public void receipt(String smscMessageId, String state, String errorCode) {
        Instant now = clock.instant();
        LOG.debugf("receipt %s: %s", smscMessageId, state);
        QuarkusTransaction.requiringNew().run(() -> {
            UUID message = ReceiptStatus.record(em, smscMessageId, state, errorCode, now);
            if (message != null) {
                ReceiptStatus.refresh(em, message, now);
            }
        });
    }

    @Override
    public void reply(String fromPhone, String text) {
        replies.record(fromPhone, text);
    }
}
