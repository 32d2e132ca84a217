package cn.scanforhelp.intake.form;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.intake.application.ApplicationCommand;
import cn.scanforhelp.intake.application.ApplicationQueries;
import cn.scanforhelp.intake.application.ApplicationService;
import cn.scanforhelp.intake.application.ApplicationViews;
import cn.scanforhelp.intake.application.Channel;
import cn.scanforhelp.intake.application.TrackingNumbers;
import cn.scanforhelp.intake.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/** The form's way into intake's applications (in-process: the same validation, idempotency and outbox). */
@ApplicationScoped
public class FormApplications {

    private final ApplicationService service;
    private final ApplicationQueries queries;
    private final RateLimiter rateLimiter;

    public FormApplications(ApplicationService service, ApplicationQueries queries, RateLimiter rateLimiter) {
        this.service = service;
        this.queries = queries;
        this.rateLimiter = rateLimiter;
    }

    /** The tracking number for display (the same one again when the key repeats). */
    public String submit(ApplicationCommand command, String idempotencyKey, String clientAddress) {
        rateLimiter.hit(RateLimiter.Limit.SUBMIT_PER_ADDRESS, clientAddress);
        return TrackingNumbers.display(service.submit(command, Channel.QR, idempotencyKey).trackingNumber());
    }

    /** Empty for an unknown number and for wrong digits alike. */
    public Optional<ApplicationViews.LookupResult> status(String trackingNumber, String last4, Locale locale,
            String clientAddress) {
        rateLimiter.hit(RateLimiter.Limit.LOOKUP_PER_ADDRESS, clientAddress);
        try {
            return Optional.of(queries.lookup(trackingNumber, last4, locale));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
