package cn.scanforhelp.console;

import cn.scanforhelp.infra.testing.OidcResource;
import cn.scanforhelp.infra.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real case-service for the console's tests: its built runner ({@code ../case-service/target/quarkus-app},
 * packaged earlier in the reactor: staff-console's pom depends on it for the order) on a free 127.0.0.1 port,
 * against infra's embedded PostgreSQL and the same signing OIDC provider the console signs in with. So the
 * console's calls, the user's token, scoping, ETags and problem messages are all case-service's own.
 * Its SMS events go to the real notification-service ({@link NotificationServiceProcess}, started first), which
 * the console also reads; intake's status deliveries go to {@link IntakeServiceProcess} once a test started it.
 */
public class CaseServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static Process process;
    private static String url;
    /** Its management interface (health), on a port of its own as in production. */
    private static String management;

    public static synchronized String url() {
        if (url == null) {
            start0();
        }
        return url;
    }

    private boolean down;
    private boolean intakeDown;
    private boolean smsSlow;

    /**
     * Under {@link CaseServiceDownProfile} the console is pointed at a port where nothing listens; under
     * {@link NotificationServiceSlowProfile} its notification-service never answers.
     */
    @Override
    public void setContext(Context context) {
        down = CaseServiceDownProfile.class.getName().equals(context.testProfile());
        intakeDown = IntakeServiceDownProfile.class.getName().equals(context.testProfile());
        smsSlow = NotificationServiceSlowProfile.class.getName().equals(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new OidcResource().start());
        config.put("quarkus.rest-client.case-service.url", down ? CaseServiceDownProfile.NOWHERE : url());
        // the identity provider's origin in the CSP's form-action, as production sets it: a form posted after the
        // session ended ends at the provider's login page, and browsers hold form-action to the whole redirect chain
        config.put("SFH_IDP_ORIGIN", "http://localhost:" + OidcResource.server().port());
        config.put("quarkus.rest-client.intake-service.url",
                down || intakeDown ? CaseServiceDownProfile.NOWHERE : IntakeServiceProcess.url());
        config.put("quarkus.rest-client.notification-service.url", down ? CaseServiceDownProfile.NOWHERE
                : smsSlow ? NotificationServiceSlowProfile.url() : NotificationServiceProcess.url());
        return config;
    }

    private static void start0() {
        Path app = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("case-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build case-service first (./mvnw -pl staff-console -am"
                    + " verify does, in reactor order)");
        }
        String notifications = NotificationServiceProcess.url();
        int port = freePort();
        int managementPort = freePort();
        String issuer = OidcResource.issuer();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx384m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + PostgresResource.server().getPort()
                        + "/postgres",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + issuer, "-Dquarkus.oidc.token.issuer=" + issuer,
                "-Dquarkus.oidc-client.auth-server-url=" + issuer, "-Dquarkus.oidc-client.client-id=case-service",
                "-Dquarkus.oidc-client.credentials.secret=test-secret",
                "-Dquarkus.rest-client.notification-service.url=" + notifications,
                // intake-service's port: nothing listens there unless a test starts it (IntakeServiceProcess)
                "-Dquarkus.rest-client.intake-service.url=" + IntakeServiceProcess.url(),
                "-Dsfh.outbox.poll-interval=1s", "-Dsfh.escalation.every=off",
                "-Dquarkus.log.console.json.enabled=false", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                // the packaged build on test secrets, as deploy/local/run starts it (prod alone refuses them)
                "-Dquarkus.profile=prod,local", "-jar", app.toString()));
        try {
            Path log = Path.of("target/case-service.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
            url = "http://127.0.0.1:" + port;
            management = "http://127.0.0.1:" + managementPort;
            waitReady("case-service", process, management, log);
        } catch (IOException e) {
            throw new IllegalStateException("case-service did not start", e);
        }
    }

    /** Waits for {@code managementUrl}/q/health/ready (the management interface) to answer 200. */
    static void waitReady(String name, Process process, String managementUrl, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + tail(log));
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
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
        throw new IllegalStateException(name + " not ready in 120 s: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // kept for the JVM's lifetime: every test class shares it
    }
}
