package cn.scanforhelp.infra.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * A service waits for its database instead of exiting when PostgreSQL is not there at start.
 *
 * <p>Why this mechanism: Quarkus' {@code quarkus.flyway.migrate-at-start} and Hibernate ORM's boot both
 * connect in the start-up thread and end the process on the first refused connection ("Unable to build
 * Hibernate SessionFactory"); neither Agroal nor Flyway retries at start ({@code flyway.connect-retries}
 * would block the start-up thread, so the HTTP server and {@code /q/health} would not answer meanwhile).
 * So {@code quarkus.hibernate-orm.database.start-offline=true} (Hibernate does not connect at boot) and
 * {@code quarkus.flyway.migrate-at-start=false}, and the migration runs here: once in the start-up
 * thread (a reachable database starts exactly as before, migrated before the first request), otherwise
 * again in the background after 1, 2, 4 … 30 s, each failed attempt logged. Start-offline refuses
 * schema-management {@code validate}, so the schema is validated here, after the migration. {@code /q/health/ready} is
 * DOWN until it has run; beans that read the database at start observe {@link DatabaseReady}.
 */
@ApplicationScoped
@Readiness
public class DatabaseStartup implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    /** Fired once, when the database is reachable and migrated. */
    public record DatabaseReady() {
    }

    private final Instance<Flyway> flyway;
    private final Instance<EntityManagerFactory> orm;
    private final Event<DatabaseReady> ready;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "database-startup");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean migrated;
    private volatile String lastError = "not yet connected";

    public DatabaseStartup(Instance<Flyway> flyway, Instance<EntityManagerFactory> orm, Event<DatabaseReady> ready) {
        this.flyway = flyway;
        this.orm = orm;
        this.ready = ready;
    }

    void onStart(@Observes @Priority(10) StartupEvent ev) {
        if (!attempt(1, Duration.ofSeconds(1))) {
            schedule(2, Duration.ofSeconds(1));
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        retries.shutdownNow();
    }

    private void schedule(int attempt, Duration delay) {
        retries.schedule(() -> {
            Duration next = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            if (!attempt(attempt, next)) {
                schedule(attempt + 1, next);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean attempt(int attempt, Duration next) {
        try {
            if (flyway.isResolvable()) {
                flyway.get().migrate();
            }
            if (orm.isResolvable()) {
                // what schema-management "validate" did at boot: the entities match the migrated tables
                try {
                    orm.get().getSchemaManager().validate();
                } catch (jakarta.persistence.SchemaValidationException e) {
                    throw new IllegalStateException("entities and tables differ", e);
                }
            }
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unavailable(e)) {
                // a broken migration is a bug, not an outage: stay not ready and say so loudly
                LOG.error("database migration or schema validation failed; the service stays not ready", e);
                lastError = "migration failed: " + e.getClass().getSimpleName();
                return true;
            }
            lastError = "database unreachable (SQLState " + DatabaseFailures.sqlState(e) + ")";
            LOG.warnf("database not reachable at start (attempt %d, SQLState %s); not ready, next attempt in %d s",
                    attempt, DatabaseFailures.sqlState(e), next.toSeconds());
            return false;
        }
        if (attempt > 1) {
            LOG.infof("database reachable after %d attempts; migrated, ready", attempt);
        }
        migrated = true;
        try {
            ready.fire(new DatabaseReady());
        } catch (RuntimeException e) {
            // an observer's own start-up work (e.g. loading the calendar) failed: it has its own refresh
            LOG.errorf(e, "start-up work after the database became ready failed");
        }
        return true;
    }

    public boolean migrated() {
        return migrated;
    }

    @Override
    public HealthCheckResponse call() {
        return migrated ? HealthCheckResponse.up("database-migrations")
                : HealthCheckResponse.named("database-migrations").down().withData("error", lastError).build();
    }
}
