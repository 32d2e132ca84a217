package cn.scanforhelp.console.sms;

import cn.scanforhelp.console.cases.ServiceProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The SMS a step will send, rendered by notification-service from what the reviewer typed, so free text that
 * reaches a resident is seen as the resident will read it. A side panel like {@link CaseMessages}: when
 * notification-service is down or slow the form still works (timeout, circuit breaker, fallback).
 */
@ApplicationScoped
public class SmsPreviews {

    private static final Logger LOG = Logger.getLogger(SmsPreviews.class);

    /** {@code text} null: no preview; then {@code refusal} is notification-service's reason, or null when down. */
    public record Result(String text, int parts, String refusal) {
    }

    private final NotificationServiceClient client;

    public SmsPreviews(@RestClient NotificationServiceClient client) {
        this.client = client;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Result render(String language, NotificationServiceClient.Preview p) {
        try {
            NotificationServiceClient.Rendered r = client.preview(language, p);
            return new Result(r.text(), r.parts(), null);
        } catch (ServiceProblem e) {
            if (e.status() == 400) {
                // a value the SMS cannot carry (a department name too long, …): notification-service says which
                return new Result(null, 0, e.fieldErrors().values().stream().findFirst().orElse(e.message()));
            }
            throw e;
        }
    }

    Result unavailable(String language, NotificationServiceClient.Preview p) {
        LOG.warn("SMS preview unavailable: notification-service failed or did not answer in time");
        return new Result(null, 0, null);
    }
}
