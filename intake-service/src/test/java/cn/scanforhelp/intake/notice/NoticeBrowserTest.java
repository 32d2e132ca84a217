package cn.scanforhelp.intake.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.scanforhelp.infra.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The 公示 pages in a real headless Chromium ({@code src/test/browser/notice-e2e.js}; tools as for
 * FormBrowserTest): a notice of a household with a child shows exactly the masked name, household
 * size, type and amount, takes an objection without JavaScript, and is gone once the clock passes its end.
 */
@QuarkusTest
class NoticeBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    JsonNode run(String phase, UUID noticeId) throws Exception {
        Path repo = Path.of(System.getProperty("user.dir")).getParent();
        String modules = System.getenv("SFH_NODE_MODULES") != null ? System.getenv("SFH_NODE_MODULES")
                : repo.resolve(".ci/node_modules").toString();
        String chromium = System.getenv().getOrDefault("SFH_CHROMIUM", "/usr/bin/chromium");
        String node = findOnPath("node");
        if (node == null || !new File(chromium).canExecute() || !Files.isDirectory(Path.of(modules, "playwright-core"))
                || !Files.isDirectory(Path.of(modules, "axe-core"))) {
            String msg = "BROWSER TESTS NOT RUN: node, chromium or playwright-core/axe-core in " + modules + " missing";
            if (System.getenv("CI") != null) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        Path out = Path.of("target/browser").toAbsolutePath();
        Files.createDirectories(out);
        Path res = out.resolve("notice-" + phase + ".json");
        Files.deleteIfExists(res);
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> cfg = Map.of("base", base.toString().replaceAll("/$", ""), "nodeModules", modules,
                "chromium", chromium, "outDir", out.toString(), "township", Notices.TOWNSHIP,
                "noticeId", noticeId.toString(), "phase", phase);
        Process p = new ProcessBuilder(node, Path.of("src/test/browser/notice-e2e.js").toAbsolutePath().toString(),
                json.writeValueAsString(cfg)).redirectErrorStream(true)
                .redirectOutput(out.resolve("notice-node.log").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the browser script did not finish in 180 s; see target/browser/notice-node.log");
        }
        assertTrue(Files.exists(res), () -> "no results: " + read(out.resolve("notice-node.log")));
        JsonNode r = json.readTree(res.toFile());
        assertFalse(r.has("fatal"), () -> r.get("fatal").asText());
        r.path("scenarios").fields().forEachRemaining(s ->
                assertTrue(s.getValue().path("ok").asBoolean(), s.getKey() + ": " + s.getValue().path("error").asText()));
        return r;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

    @Test
    void aNoticeWithAMinorShowsOnlyTheAllowedFieldsTakesAnObjectionAndEndsWithItsPeriod() throws Exception {
        UUID id = UUID.randomUUID();
        Notices.send(Notices.publishedWithExtras(id, 7));
        JsonNode before = run("before", id);

        JsonNode list = before.path("scenarios").path("list");
        assertEquals(200, list.path("status").asInt());
        assertEquals("zh", list.path("lang").asText().substring(0, 2));
        assertEquals(List.of("序号", "村（社区）", "姓名", "家庭人口", "救助类型", "金额（元）", "公示截止"),
                strings(list.path("headers")));
        List<String> row = strings(list.path("row"));
        assertEquals(List.of("花园村", "张*", "3", "最低生活保障", "860"), row.subList(1, 6), row.toString());

        JsonNode one = before.path("scenarios").path("one");
        assertEquals(200, one.path("status").asInt());
        List<String> fields = new ArrayList<>();
        one.path("fields").forEach(f -> fields.add(f.get(0).asText() + "=" + f.get(1).asText()));
        assertEquals(List.of("村（社区）=花园村", "姓名=张*", "家庭人口=3", "救助类型=最低生活保障", "金额（元）=860"), fields);
        assertTrue(one.path("qr").asInt() > 0, "the QR code of the printed copy is on the page");
        for (String text : List.of(list.path("text").asText(), one.path("text").asText())) {
            for (String never : List.of(Notices.CHILD, "小宝", Notices.CHILD_ID, Notices.APPLICANT_ID, Notices.PHONE,
                    "张小三", "慢性肾病", "9岁")) {
                assertFalse(text.contains(never), "the page shows " + never);
            }
        }
        assertTrue(one.path("afterUrl").asText().endsWith("/notices/620503114/" + id + "?filed=1"));
        assertTrue(one.path("filed").asText().contains("异议已收到"), one.path("filed").asText());
        assertTrue(before.path("scenarios").path("oneAxe").path("error").asText().endsWith("请填写异议内容"));
        List<String> bad = new ArrayList<>();
        before.path("axe").fields().forEachRemaining(page -> page.getValue().forEach(v -> {
            if ("serious".equals(v.path("impact").asText()) || "critical".equals(v.path("impact").asText())) {
                bad.add(page.getKey() + ": " + v);
            }
        }));
        assertTrue(bad.isEmpty(), String.join("\n", bad));

        TestClock.advance(Duration.ofDays(7).plusMinutes(1));
        JsonNode after = run("after", id).path("scenarios").path("after");
        assertEquals(0, after.path("rows").asInt(), "the notice is off the list once its period ended");
        assertEquals(404, after.path("oneStatus").asInt());
        assertFalse(after.path("oneText").asText().contains("张*"));
    }

    static String findOnPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, exe);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }
}
