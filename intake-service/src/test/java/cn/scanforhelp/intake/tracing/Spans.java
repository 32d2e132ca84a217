package cn.scanforhelp.intake.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The spans of a test that turns tracing on ({@link On}), kept in memory: the SDK exports to every
 * SpanExporter bean. In every other test the SDK is off (application.properties) and this is never used.
 */
public class Spans {

    @Produces
    @Singleton
    InMemorySpanExporter inMemory() {
        return InMemorySpanExporter.create();
    }

    /** Tracing on, every trace kept, spans exported within 50 ms of their end. */
    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }
}
