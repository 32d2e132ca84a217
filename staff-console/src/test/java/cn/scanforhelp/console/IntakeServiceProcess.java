package cn.scanforhelp.console;

import cn.scanforhelp.infra.testing.OidcResource;
import cn.scanforhelp.infra.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real intake-service for the walk-in window's tests: its built runner
 * ({@code ../intake-service/target/quarkus-app}) on a free 127.0.0.1 port with its own database {@code intake} in
 * infra's embedded PostgreSQL and the same signing OIDC provider; its relay delivers applications to the real
 * case-service ({@link CaseServiceProcess}), as in production. Only the classes that need it name it (it loads
 * every division of Gansu at its first start).
 */
public class IntakeServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static Process process;
    private static String url;

    public static synchronized String url() {
        if (url == null) {
            start0();
        }
        return url;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.intake-service.url", url());
    }

    private static void start0() {
        Path app = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("intake-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build intake-service first (./mvnw -pl staff-console"
                    + " -am verify does, in reactor order)");
        }
        String cases = CaseServiceProcess.url();
        createDatabase();
        int port = CaseServiceProcess.freePort();
        int managementPort = CaseServiceProcess.freePort();
        String issuer = OidcResource.issuer();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx384m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + PostgresResource.server().getPort()
                        + "/intake",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + issuer, "-Dquarkus.oidc.token.issuer=" + issuer,
                "-Dquarkus.oidc-client.auth-server-url=" + issuer, "-Dquarkus.oidc-client.client-id=intake-service",
                "-Dquarkus.oidc-client.credentials.secret=test-secret",
                "-Dquarkus.rest-client.case-service.url=" + cases,
                "-Dsfh.public-base-url=https://sfh.example.cn",
                "-Dsfh.outbox.poll-interval=1s",
                "-Dquarkus.log.console.json.enabled=false", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                // the packaged build on test secrets, as deploy/local/run starts it (prod alone refuses them)
                "-Dquarkus.profile=prod,local", "-jar", app.toString());
        try {
            Path log = Path.of("target/intake-service.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
            url = "http://127.0.0.1:" + port;
            CaseServiceProcess.waitReady("intake-service", process, "http://127.0.0.1:" + managementPort, log);
        } catch (IOException e) {
            throw new IllegalStateException("intake-service did not start", e);
        }
    }

    /** Its own database, as in production. */
    private static void createDatabase() {
        try (var c = PostgresResource.server().getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create database intake");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database intake not created", e);
        }
    }

    @Override
    public void stop() {
        // kept for the JVM's lifetime
    }
}
