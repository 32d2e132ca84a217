package cn.scanforhelp.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL 15 for tests, from the binaries on Maven Central: nothing needs to be installed.
 * One server per test JVM (each module's tests run in their own JVM), on a free port.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("timezone", "UTC")
                        .start();
                createRuntimeRole(postgres);
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::close));
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }

    /** The services' runtime user of production, granted rights (not ownership) by db/infra/afterMigrate.sql. */
    public static final String RUNTIME_ROLE = "sfh_app";

    private static void createRuntimeRole(EmbeddedPostgres pg) {
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create role " + RUNTIME_ROLE + " login password '" + RUNTIME_ROLE + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("runtime role not created", e);
        }
    }

    /** A connection URL for the runtime user (what production's services connect as). */
    public static String runtimeJdbcUrl() {
        return server().getJdbcUrl(RUNTIME_ROLE, "postgres") + "&password=" + RUNTIME_ROLE;
    }

    public static String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + server().getPort() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // kept for the JVM's lifetime: every test class of the module shares it
    }

    private static synchronized void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is ending
            }
            postgres = null;
        }
    }
}
