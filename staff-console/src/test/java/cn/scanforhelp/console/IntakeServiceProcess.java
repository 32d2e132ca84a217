package cn.scanforhelp.console;

import cn.scanforhelp.infra.testing.OidcResource;
import cn.scanforhelp.infra.testing.PostgresResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real intake-service for the operator's desk: its built runner ({@code ../intake-service/target/quarkus-app})
 * on its own database of infra's embedded PostgreSQL, the same signing OIDC provider, and its outbox relay
 * delivering to the real case-service ({@link CaseServiceProcess}), so an application taken at the desk reaches the
 * township's queue the whole way. Its port is chosen before case-service starts, so case-service's status
 * deliveries have a receiver.
 */
public final class IntakeServiceProcess {

    private static Process process;
    private static int port;
    private static String url;

    private IntakeServiceProcess() {
    }

    /** The port it listens on (chosen, not yet listening, until {@link #url()}). */
    public static synchronized int port() {
        if (port == 0) {
            port = CaseServiceProcess.freePort();
        }
        return port;
    }

    public static synchronized String url() {
        if (url == null) {
            start();
        }
        return url;
    }

    private static void start() {
        Path app = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("intake-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build intake-service first (./mvnw -pl staff-console"
                    + " -am verify does, in reactor order)");
        }
        String cases = CaseServiceProcess.url();
        createDatabase();
        int managementPort = CaseServiceProcess.freePort();
        String issuer = OidcResource.issuer();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx320m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port(),
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + PostgresResource.server().getPort()
                        + "/intake",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + issuer, "-Dquarkus.oidc.token.issuer=" + issuer,
                "-Dquarkus.oidc-client.auth-server-url=" + issuer, "-Dquarkus.oidc-client.client-id=intake-service",
                "-Dquarkus.oidc-client.credentials.secret=test-secret",
                "-Dquarkus.rest-client.case-service.url=" + cases,
                "-Dsfh.outbox.poll-interval=1s", "-Dsfh.outbox.backoff-initial=100ms", "-Dsfh.outbox.backoff-max=1s",
                "-Dquarkus.log.console.json.enabled=false", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                // the packaged build on test secrets, as deploy/local/run starts it (prod alone refuses them)
                "-Dquarkus.profile=prod,local", "-jar", app.toString());
        try {
            Path log = Path.of("target/intake-service.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
            url = "http://127.0.0.1:" + port();
            CaseServiceProcess.waitReady("intake-service", process, "http://127.0.0.1:" + managementPort, log);
        } catch (IOException e) {
            throw new IllegalStateException("intake-service did not start", e);
        }
    }

    private static void createDatabase() {
        try (var c = PostgresResource.server().getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create database intake");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database intake not created", e);
        }
    }
}
