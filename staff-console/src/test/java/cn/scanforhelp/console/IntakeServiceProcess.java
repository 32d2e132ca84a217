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
 * The real intake-service, started only by the tests that need it: the TRANSFER form's townships and the
 * operator's desk ({@link #startProcess()}), and the walk-in window, whose classes name it as their test resource
 * (restricted to them). Its built runner ({@code ../intake-service/target/quarkus-app}) with its own database ({@code intake}, its
 * divisions loaded by its own migration) and the same signing OIDC provider; its relay delivers applications to
 * the real case-service, as in production. Its port is reserved up front and given to the console and to
 * case-service at their start, so every other test sees intake-service down, as the console's fallback must
 * handle.
 */
public final class IntakeServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static final int PORT = CaseServiceProcess.freePort();
    private static Process process;

    /** As a test resource (the window's tests): started, and the console pointed at it. */
    @Override
    public Map<String, String> start() {
        startProcess();
        return Map.of("quarkus.rest-client.intake-service.url", url());
    }

    @Override
    public void stop() {
        // kept for the JVM's lifetime
    }

    /** Where intake-service listens once started (nothing listens there before). */
    public static String url() {
        return "http://127.0.0.1:" + PORT;
    }

    public static synchronized void startProcess() {
        if (process != null) {
            return;
        }
        Path app = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("intake-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build intake-service first (./mvnw -pl"
                    + " staff-console -am verify does, in reactor order)");
        }
        try (var c = PostgresResource.server().getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create database intake");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database intake not created", e);
        }
        int managementPort = CaseServiceProcess.freePort();
        String issuer = OidcResource.issuer();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx384m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + PORT,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + PostgresResource.server().getPort()
                        + "/intake",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + issuer, "-Dquarkus.oidc.token.issuer=" + issuer,
                "-Dquarkus.oidc-client.auth-server-url=" + issuer, "-Dquarkus.oidc-client.client-id=intake-service",
                "-Dquarkus.oidc-client.credentials.secret=test-secret",
                "-Dquarkus.rest-client.case-service.url=" + CaseServiceProcess.url(),
                "-Dsfh.public-base-url=https://sfh.example.cn", // the window's receipt: its QR code's address
                "-Dsfh.outbox.poll-interval=1s", "-Dsfh.outbox.backoff-initial=100ms", "-Dsfh.outbox.backoff-max=1s",
                "-Dquarkus.log.console.json.enabled=false", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                // the packaged build on test secrets, as deploy/local/run starts it (prod alone refuses them)
                "-Dquarkus.profile=prod,local", "-jar", app.toString());
        try {
            Path log = Path.of("target/intake-service.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
            CaseServiceProcess.waitReady("intake-service", process, "http://127.0.0.1:" + managementPort, log);
            warmUp();
        } catch (IOException e) {
            throw new IllegalStateException("intake-service did not start", e);
        }
    }

    /** A cold JVM's first answers take longer than the console's 2 s: asked once until it answers quickly. */
    private static void warmUp() {
        var http = java.net.http.HttpClient.newHttpClient();
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            long started = System.nanoTime();
            try {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url()
                        + "/api/v1/divisions?parent=620503")).timeout(java.time.Duration.ofSeconds(20)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && System.nanoTime() - started < 500_000_000L) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
