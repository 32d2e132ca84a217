package cn.scanforhelp.intake.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.BrowserScript;
import cn.scanforhelp.infra.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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
        BrowserScript browser = BrowserScript.require();
        Map<String, Object> cfg = Map.of("base", base.toString().replaceAll("/$", ""), "township", Notices.TOWNSHIP,
                "noticeId", noticeId.toString(), "phase", phase);
        JsonNode r = browser.run("notice-e2e.js", cfg, "notice-" + phase + ".json", Duration.ofSeconds(180));
        r.path("scenarios").fields().forEachRemaining(s ->
                assertTrue(s.getValue().path("ok").asBoolean(), s.getKey() + ": " + s.getValue().path("error").asText()));
        return r;
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

    static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }
}
