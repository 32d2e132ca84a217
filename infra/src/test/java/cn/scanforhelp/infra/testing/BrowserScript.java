package cn.scanforhelp.infra.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A browser test's script ({@code src/test/browser/*.js}) run by Node with playwright-core and axe-core (installed by
 * {@code .ci/run} in {@code .ci/node_modules}, or where {@code SFH_NODE_MODULES} says) against Debian's Chromium
 * ({@code SFH_CHROMIUM}, default {@code /usr/bin/chromium}). Without them a test is skipped, saying what is missing and
 * how to install it; under CI it fails instead, so a machine without a browser never passes for one with.
 */
public final class BrowserScript {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String modules;
    private final String chromium;
    private final String node;
    private final Path out;

    private BrowserScript(String modules, String chromium, String node, Path out) {
        this.modules = modules;
        this.chromium = chromium;
        this.node = node;
        this.out = out;
    }

    /** What the module's browser tests need, or the calling test skipped (failed under CI) naming what is missing. */
    public static BrowserScript require() throws java.io.IOException {
        Path repo = Path.of(System.getProperty("user.dir")).getParent();
        String modules = System.getenv("SFH_NODE_MODULES") != null ? System.getenv("SFH_NODE_MODULES")
                : repo.resolve(".ci/node_modules").toString();
        String chromium = System.getenv().getOrDefault("SFH_CHROMIUM", "/usr/bin/chromium");
        String node = findOnPath("node");
        List<String> missing = new ArrayList<>();
        if (!new File(chromium).canExecute()) {
            missing.add("chromium (" + chromium + "; apt-get install chromium)");
        }
        if (node == null) {
            missing.add("node (apt-get install nodejs npm)");
        }
        if (!Files.isDirectory(Path.of(modules, "playwright-core")) || !Files.isDirectory(Path.of(modules, "axe-core"))) {
            missing.add("playwright-core and axe-core in " + modules + " (cd .ci && npm install)");
        }
        if (!missing.isEmpty()) {
            String msg = "BROWSER TESTS NOT RUN: missing " + String.join(", ", missing) + ". .ci/run installs them.";
            if (System.getenv("CI") != null) {
                fail(msg);
            }
            System.err.println("\n*** " + msg + " ***\n");
            Assumptions.abort(msg);
        }
        Path out = Path.of("target/browser").toAbsolutePath();
        Files.createDirectories(out);
        return new BrowserScript(modules, chromium, node, out);
    }

    /** Where the scripts write their results, logs and downloads ({@code target/browser}). */
    public Path out() {
        return out;
    }

    /**
     * Runs {@code src/test/browser/<script>} with {@code cfg} (plus {@code nodeModules}, {@code chromium} and
     * {@code outDir}) as its argument, and answers the JSON it wrote to {@code outDir/<results>}; a result with
     * {@code fatal} fails the test. Its output goes to {@code target/browser/<script>.log}.
     */
    public JsonNode run(String script, Map<String, Object> cfg, String results, Duration timeout) throws Exception {
        Path res = out.resolve(results);
        Path log = out.resolve(script.replaceAll("\\.js$", "") + ".log");
        Files.deleteIfExists(res);
        Map<String, Object> all = new LinkedHashMap<>(cfg);
        all.put("nodeModules", modules);
        all.put("chromium", chromium);
        all.put("outDir", out.toString());
        long started = System.nanoTime();
        Process p = new ProcessBuilder(node, Path.of("src/test/browser", script).toAbsolutePath().toString(),
                JSON.writeValueAsString(all)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the browser script " + script + " did not finish in " + timeout.toSeconds() + " s; see " + log);
        }
        System.out.printf("browser script %s: %d ms%n", script, (System.nanoTime() - started) / 1_000_000);
        assertTrue(Files.exists(res), "no results; see " + log + ": " + Files.readString(log));
        JsonNode read = JSON.readTree(res.toFile());
        assertFalse(read.has("fatal"), () -> read.get("fatal").asText());
        return read;
    }

    /** The executable of that name on the PATH, or null. */
    public static String findOnPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, exe);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}
