package cn.scanforhelp.intake.tracing;

import cn.scanforhelp.infra.testing.OidcResource;
import cn.scanforhelp.infra.testing.PostgresResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real case-service and notification-service for the cross-service trace test: their built runners
 * ({@code ../<service>/target/quarkus-app}, packaged earlier in the reactor: intake's pom depends on them
 * for the order) on free 127.0.0.1 ports, each with its own database in infra's embedded PostgreSQL, the
 * same signing OIDC provider, and their spans exported over OTLP/HTTP to the test's {@link OtlpReceiver}.
 * As staff-console's tests start them (CaseServiceProcess there).
 */
final class RealServices implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    final String caseService;
    final String notificationService;

    RealServices(String otlpEndpoint) throws IOException {
        notificationService = start("notification-service", "notification", otlpEndpoint, List.of(
                "-Dquarkus.rest-client.case-service.url=http://127.0.0.1:9",
                "-Dsms.provider=log", "-Dsms.quiet-hours.enabled=false"));
        caseService = start("case-service", "cases", otlpEndpoint, List.of(
                "-Dquarkus.rest-client.notification-service.url=" + notificationService,
                // intake's status deliveries wait in case-service's outbox: not this test's subject
                "-Dquarkus.rest-client.intake-service.url=http://127.0.0.1:9",
                "-Dsfh.escalation.every=off"));
    }

    private String start(String name, String database, String otlpEndpoint, List<String> own) throws IOException {
        Path app = Path.of(System.getProperty("user.dir")).getParent()
                .resolve(name + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build " + name + " first (./mvnw -pl intake-service"
                    + " -am verify does, in reactor order)");
        }
        try (var c = PostgresResource.server().getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            // there from an earlier test class in this JVM: the service migrates what is missing
        }
        int port = freePort();
        int managementPort = freePort();
        String issuer = OidcResource.issuer();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx320m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + PostgresResource.server().getPort()
                        + "/" + database,
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + issuer, "-Dquarkus.oidc.token.issuer=" + issuer,
                "-Dquarkus.oidc-client.auth-server-url=" + issuer, "-Dquarkus.oidc-client.client-id=" + name,
                "-Dquarkus.oidc-client.credentials.secret=test-secret",
                "-Dsfh.outbox.poll-interval=1s",
                // production's exporter, pointed at the test's receiver
                "-Dquarkus.otel.exporter.otlp.endpoint=" + otlpEndpoint,
                "-Dquarkus.otel.exporter.otlp.protocol=http/protobuf",
                "-Dquarkus.otel.bsp.schedule.delay=100ms",
                "-Dquarkus.log.console.json.enabled=false", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8"));
        cmd.addAll(own);
        // the packaged build on test secrets, as deploy/local/run starts it (prod alone refuses them)
        cmd.addAll(List.of("-Dquarkus.profile=prod,local", "-jar", app.toString()));
        Path log = Path.of("target/" + name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        waitReady(name, p, "http://127.0.0.1:" + managementPort, log);
        return "http://127.0.0.1:" + port;
    }

    private static void waitReady(String name, Process process, String management, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready in 180 s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
