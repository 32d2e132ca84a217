package cn.scanforhelp.intake.poster;

import cn.scanforhelp.infra.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Poster batches are the one thing in intake that needs memory in proportion to a request: at most
 * {@code sfh.poster.batch-max} pages, and one batch at a time per process (a second gets 503 with
 * Retry-After), so printing a county's posters cannot take the heap of the process that serves the
 * residents' form ({@code -XX:+ExitOnOutOfMemoryError} would restart it). The PDF itself goes to a temporary
 * file, not the heap ({@link PosterPdf}).
 */
@ApplicationScoped
public class PosterBatches {

    private final Semaphore running = new Semaphore(1);
    private final int max;
    private final int retryAfterSeconds;

    /**
     * @param max pages per batch (a district's villages: Maiji has about 380)
     * @param retryAfterSeconds what a refused second batch is told to wait
     */
    public PosterBatches(@ConfigProperty(name = "sfh.poster.batch-max", defaultValue = "500") int max,
            @ConfigProperty(name = "sfh.poster.batch-retry-after", defaultValue = "30") int retryAfterSeconds) {
        this.max = max;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int max() {
        return max;
    }

    /** Takes the batch slot, or refuses with 503 while another batch is being printed. */
    public void enter() {
        if (!running.tryAcquire()) {
            throw new ProblemException(503, "poster-batch-busy", retryAfterSeconds)
                    .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }
    }

    public void leave() {
        running.release();
    }

}
