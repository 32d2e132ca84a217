package cn.scanforhelp.infra.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox's delivered events carry the personal data they announced (an application's ID number and phone,
 * an SMS event's phone): once the receiver has them, keep them only a short while for tracing. The inbox keeps
 * processed event ids (no personal data) long enough that a very late redelivery is still recognised.
 */
@ApplicationScoped
public class OutboxRetention implements RetentionRules {

    private final Duration delivered;
    private final Duration inbox;

    public OutboxRetention(@ConfigProperty(name = "sfh.retention.outbox-delivered", defaultValue = "P30D") Duration delivered,
            @ConfigProperty(name = "sfh.retention.inbox", defaultValue = "P400D") Duration inbox) {
        this.delivered = delivered;
        this.inbox = inbox;
    }

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.delete("outbox-delivered", delivered, "outbox_event", "id", "delivered_at", "delivered_at is not null"),
                Rule.delete("inbox", inbox, "inbox_event", "event_id", "processed_at", "true"));
    }
}
