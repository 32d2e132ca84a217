package cn.scanforhelp.infra.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox backlog as metrics ({@code sfh_outbox_backlog}, {@code sfh_outbox_oldest_age_seconds},
 * {@code sfh_outbox_parked}) and in the readiness check. Measured every few seconds, not per scrape,
 * so a busy scraper cannot load the database.
 */
@Readiness
@ApplicationScoped
public class OutboxMonitor implements HealthCheck {

    private final AgroalDataSource dataSource;
    private volatile long backlog;
    private volatile double oldestAgeSeconds;
    private volatile long parked;
    private volatile String error;

    public OutboxMonitor(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("sfh.outbox.backlog", this, m -> m.backlog)
                .description("Outbox events not yet accepted by their receiver").register(registry);
        Gauge.builder("sfh.outbox.oldest.age.seconds", this, m -> m.oldestAgeSeconds)
                .description("Age of the oldest undelivered outbox event").register(registry);
        Gauge.builder("sfh.outbox.parked", this, m -> m.parked)
                .description("Outbox events refused permanently, waiting for an operator").register(registry);
    }

    @Scheduled(every = "${sfh.outbox.monitor-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) filter (where failed_at is null), "
                        + "coalesce(extract(epoch from now() - min(created_at) filter (where failed_at is null)), 0), "
                        + "count(*) filter (where failed_at is not null) from outbox_event where delivered_at is null")) {
            rs.next();
            backlog = rs.getLong(1);
            oldestAgeSeconds = rs.getDouble(2);
            parked = rs.getLong(3);
            error = null;
        } catch (SQLException e) {
            error = "database unreachable (" + e.getSQLState() + ")";
        }
    }

    @Override
    public HealthCheckResponse call() {
        measure();
        var b = HealthCheckResponse.named("outbox").withData("backlog", backlog)
                .withData("oldestAgeSeconds", (long) oldestAgeSeconds).withData("parked", parked);
        return error == null ? b.up().build() : b.withData("error", error).down().build();
    }
}
