package cn.scanforhelp.console.sms;

import cn.scanforhelp.console.cases.ServiceProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The SMS of one application, for the case page. The SMS are a side panel: when notification-service is
 * down, slow or refuses, the page still renders, saying the SMS state is unavailable. A short timeout, and a
 * circuit breaker so a dead service costs the case pages nothing while it is open (SmallRye Fault Tolerance;
 * the timeouts are configurable as {@code cn.scanforhelp.console.sms.CaseMessages/forApplication/Timeout/value}).
 */
@ApplicationScoped
public class CaseMessages {

    private static final Logger LOG = Logger.getLogger(CaseMessages.class);

    /** {@code available} false: notification-service did not answer; {@code messages} oldest first. */
    public record Sent(boolean available, List<NotificationServiceClient.Message> messages) {
    }

    private final NotificationServiceClient client;

    public CaseMessages(@RestClient NotificationServiceClient client) {
        this.client = client;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Sent forApplication(String language, String trackingNumber) {
        try {
            return new Sent(true, client.list(language, trackingNumber).messages());
        } catch (ServiceProblem p) {
            if (p.status() == 404) {
                return new Sent(true, List.of()); // no SMS for this application (yet)
            }
            throw p;
        }
    }

    Sent unavailable(String language, String trackingNumber) {
        LOG.warn("SMS state unavailable: notification-service failed or did not answer in time");
        return new Sent(false, List.of());
    }
}
