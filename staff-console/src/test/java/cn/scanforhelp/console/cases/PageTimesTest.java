package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long the two pages take end to end (console + case-service + PostgreSQL, warm, a small database): a
 * guard against a page that suddenly costs seconds, not the benchmark at 1,000,000 cases (bench/).
 */
@QuarkusTest
class PageTimesTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theQueueAndTheCasePageAnswerWellUnderASecond() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        long[] queue = time(s, "/", 40);
        long[] page = time(s, "/cases/" + c.caseId(), 40);
        System.out.printf("queue page: p50 %d ms, p95 %d ms; case page: p50 %d ms, p95 %d ms (40 each, warm)%n",
                queue[0], queue[1], page[0], page[1]);
        assertTrue(queue[1] < 1000, "queue p95 " + queue[1] + " ms");
        assertTrue(page[1] < 1000, "case page p95 " + page[1] + " ms");
    }

    private static long[] time(WebSession s, String path, int n) {
        for (int i = 0; i < 10; i++) {
            assertEquals(200, s.get(path).status());
        }
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            assertEquals(200, s.get(path).status());
            ms.add((System.nanoTime() - t) / 1_000_000);
        }
        Collections.sort(ms);
        return new long[] {ms.get(n / 2), ms.get((int) Math.ceil(n * 0.95) - 1)};
    }
}
