package cn.scanforhelp.console.divisions;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The townships and subdistricts of a county with their names, for the TRANSFER form's choice. A convenience
 * only: case-service still decides whether a transfer's target is allowed. When intake-service is down or slow
 * the form falls back to the plain code field (timeout, circuit breaker, fallback, as {@code CaseMessages}).
 */
@ApplicationScoped
public class Townships {

    private static final Logger LOG = Logger.getLogger(Townships.class);

    /** {@code available} false: intake-service did not answer; then the form takes a typed code. */
    public record Listed(boolean available, List<IntakeDivisionsClient.Division> townships) {
    }

    private final IntakeDivisionsClient client;

    public Townships(@RestClient IntakeDivisionsClient client) {
        this.client = client;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Listed ofCounty(String countyCode) {
        return new Listed(true, client.children(countyCode).stream()
                .filter(d -> d.active() && ("township".equals(d.level()) || "subdistrict".equals(d.level())))
                .toList());
    }

    Listed unavailable(String countyCode) {
        LOG.warn("townships unavailable: intake-service failed or did not answer in time");
        return new Listed(false, List.of());
    }
}
