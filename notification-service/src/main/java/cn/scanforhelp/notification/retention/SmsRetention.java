package cn.scanforhelp.notification.retention;

import cn.scanforhelp.infra.retention.RetentionRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What notification-service keeps of residents, and for how long: a finished SMS keeps its event, status, parts
 * and times (statistics, the case's history) but loses the phone number and the text (which holds the look-up
 * number), and an officer's note on it, after {@code sfh.retention.sms} (180 days); a reply keeps its rating but loses its text and sender.
 */
@ApplicationScoped
public class SmsRetention implements RetentionRules {

    private final Duration sms;
    private final Duration replies;

    public SmsRetention(@ConfigProperty(name = "sfh.retention.sms", defaultValue = "P180D") Duration sms,
            @ConfigProperty(name = "sfh.retention.sms-replies", defaultValue = "P180D") Duration replies) {
        this.sms = sms;
        this.replies = replies;
    }

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.anonymise("sms", sms, "sms_message", "id", "created_at",
                        "phone_hash <> '' and status not in ('PENDING', 'SUBMITTING')",
                        "phone_enc = null, phone_hash = '', body = '', handled_note = null"),
                Rule.anonymise("sms-reply", replies, "sms_reply", "id", "received_at",
                        "phone_hash <> ''", "phone_hash = '', text_enc = ''"));
    }
}
