package cn.scanforhelp.console;

import cn.scanforhelp.infra.testing.OidcResource;
import cn.scanforhelp.infra.testing.PostgresResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real notification-service for the console's tests: its built runner
 * ({@code ../notification-service/target/quarkus-app}, packaged earlier in the reactor: staff-console's pom
 * depends on it for the order) on a free 127.0.0.1 port, with its own database ({@code notification}) in
 * infra's embedded PostgreSQL and the same signing OIDC provider. case-service's relay delivers its SMS
 * events here ({@link CaseServiceProcess}), so an SMS on a case page went the whole way: case-service's
 * outbox, notification-service's inbox and template, its sender (the {@code log} provider: nothing leaves
 * the machine; quiet hours off, so a test does not depend on the hour it runs).
 */
public final class NotificationServiceProcess {

    private static Process process;
    private static String url;

    private NotificationServiceProcess() {
    }

    public static synchronized String url() {
        if (url == null) {
            start();
        }
        return url;
    }

    private static void start() {
        Path app = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("notification-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build notification-service first (./mvnw -pl"
                    + " staff-console -am verify does, in reactor order)");
        }
        createDatabase();
        int port = CaseServiceProcess.freePort();
        int managementPort = CaseServiceProcess.freePort();
        String issuer = OidcResource.issuer();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + PostgresResource.server().getPort()
                        + "/notification",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + issuer, "-Dquarkus.oidc.token.issuer=" + issuer,
                "-Dquarkus.oidc-client.auth-server-url=" + issuer,
                "-Dquarkus.oidc-client.client-id=notification-service",
                "-Dquarkus.oidc-client.credentials.secret=test-secret",
                "-Dquarkus.rest-client.case-service.url=http://127.0.0.1:9",
                "-Dsms.provider=log", "-Dsms.quiet-hours.enabled=false",
                "-Dquarkus.log.console.json.enabled=false", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                // the packaged build on test secrets, as deploy/local/run starts it (prod alone refuses them)
                "-Dquarkus.profile=prod,local", "-jar", app.toString());
        try {
            Path log = Path.of("target/notification-service.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
            url = "http://127.0.0.1:" + port;
            CaseServiceProcess.waitReady("notification-service", process, "http://127.0.0.1:" + managementPort, log);
        } catch (IOException e) {
            throw new IllegalStateException("notification-service did not start", e);
        }
    }

    /** Its own database, as in production: its Flyway history and infra tables must not meet case-service's. */
    private static void createDatabase() {
        try (var c = PostgresResource.server().getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create database notification");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database notification not created", e);
        }
    }
}
