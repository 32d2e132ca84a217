package cn.scanforhelp.notification.sending;

import cn.scanforhelp.notification.config.SmsConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The {@code log} provider sends no SMS (it only stores them): a production deployment left on it would tell
 * no resident anything. With the {@code prod} profile the service refuses to start on it, unless the
 * {@code local} profile is also active ({@code deploy/local/run} and the bench: a packaged build on one
 * machine), as infra's {@code ProductionSecrets} does for the local-only secrets.
 */
@ApplicationScoped
public class ProviderPolicy {

    private final Config config;
    private final SmsConfig sms;

    public ProviderPolicy(Config config, SmsConfig sms) {
        this.config = config;
        this.sms = sms;
    }

    /** Before the sender picks its provider (a lower priority observes first). */
    void check(@Observes @Priority(1) StartupEvent start) {
        refusal(sms.provider(), config.unwrap(SmallRyeConfig.class).getProfiles()).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }

    /** Why the provider may not run under these profiles, or empty when it may. */
    static Optional<String> refusal(String provider, List<String> profiles) {
        boolean production = profiles.contains("prod") && !profiles.contains("local");
        if (production && "log".equals(provider)) {
            return Optional.of("Refusing to start with the prod profile on sms.provider (SMS_PROVIDER) = log: it sends"
                    + " no SMS. Set it to smpp with sms.smpp.host, sms.smpp.port, sms.smpp.system-id,"
                    + " sms.smpp.password (SMS_SMPP_HOST, SMS_SMPP_PORT, SMS_SMPP_SYSTEM_ID, SMS_SMPP_PASSWORD);"
                    + " see notification-service/README.md");
        }
        return Optional.empty();
    }
}
