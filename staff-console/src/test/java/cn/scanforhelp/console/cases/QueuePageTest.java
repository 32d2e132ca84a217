package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The queue page against the real case-service: scope, order, counters, filters, paging, language. */
@QuarkusTest
class QueuePageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aReviewerSeesHerTownshipsNewCaseMaskedAndNothingOfAnotherTownship() {
        Cases.Opened mine = Cases.open("620503114", null);
        Cases.Opened other = Cases.open("620503116", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page p = s.get("/?text=" + mine.trackingNumber());
        assertEquals(200, p.status());
        Element row = p.doc().selectFirst("tr[data-case=" + mine.caseId() + "]");
        assertNotNull(row, p.body());
        assertTrue(row.text().contains(mine.trackingNumber()));
        assertTrue(row.text().contains("王*" ) || row.text().contains("王"), row.text());
        assertFalse(p.body().contains(mine.name()), "the full name is never in the queue");
        assertFalse(p.body().contains(mine.phone()));
        assertTrue(row.selectFirst(".badge").text().matches("正常|临近期限|已超期"), row.text());
        assertTrue(row.text().contains("个工作日"), row.text());

        WebSession.Page all = s.get("/?text=" + other.trackingNumber());
        assertNotNull(all.doc().selectFirst("#queue-empty"), "党川镇's case is not in 利桥镇's queue");
        assertFalse(all.body().contains(other.caseId()));
    }

    @Test
    void countersPerDeadlineStateLinkToTheFilterAndTheQueueIsSortedByDeadline() {
        Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page p = s.get("/");
        for (String state : new String[] {"ON_TRACK", "AT_RISK", "OVERDUE"}) {
            Element c = p.doc().selectFirst("#count-" + state);
            assertNotNull(c, state);
            assertTrue(c.attr("href").contains("deadlineState=" + state));
        }
        // which state a new case is in depends on the calendar around today: the test does not
        String busiest = null;
        long sum = 0;
        for (String state : new String[] {"ON_TRACK", "AT_RISK", "OVERDUE"}) {
            long n = Long.parseLong(p.text("#count-" + state + " .n"));
            sum += n;
            busiest = n > 0 && busiest == null ? state : busiest;
        }
        assertTrue(sum >= 1);
        var dates = p.doc().select("#queue tbody tr td:nth-child(7)").eachText().stream()
                .map(t -> t.split(" ")[0]).filter(t -> t.matches("\\d{4}-\\d{2}-\\d{2}")).toList();
        assertEquals(dates.stream().sorted().toList(), dates, "nearest deadline first");
        // the live region polls itself with htmx; without JavaScript the page is complete as it is
        assertTrue(p.doc().selectFirst("#live").attr("hx-trigger").matches("every \\d+s"));
        WebSession.Page only = s.get(p.doc().selectFirst("#count-" + busiest).attr("href"));
        assertEquals("true", only.doc().selectFirst("#count-" + busiest).attr("aria-current"));
        String label = only.text("#count-" + busiest).replaceAll("^\\d+\\s*", "");
        assertTrue(only.doc().select("#queue tbody .badge").eachText().stream().allMatch(label::equals),
                label + " " + only.doc().select("#queue tbody .badge").eachText());
    }

    @Test
    void filtersAndPagingAreOrdinaryLinksAndAFilterCaseServiceRefusesIsAClearPage() {
        for (int i = 0; i < 21; i++) {
            Cases.open("620503114", "TEMPORARY");
        }
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page first = s.get("/?type=TEMPORARY&channel=QR");
        assertEquals(20, first.doc().select("#queue tbody tr").size());
        assertTrue(first.doc().select("#queue tbody tr td:nth-child(4)").eachText().stream().allMatch("临时救助"::equals));
        assertEquals("TEMPORARY", first.doc().selectFirst("#f-type option[selected]").val());
        String next = first.doc().selectFirst("a[rel=next]").attr("href");
        assertTrue(next.contains("page=1") && next.contains("type=TEMPORARY"), next);
        WebSession.Page second = s.get(next);
        assertTrue(second.doc().select("#queue tbody tr").size() >= 1);
        assertNotNull(second.doc().selectFirst("a[rel=prev]"));

        WebSession.Page bad = s.get("/?status=NONSENSE");
        assertEquals(400, bad.status());
        assertTrue(bad.text("#error-message").contains("status"), bad.text("#error-message"));
        assertFalse(bad.body().contains("Exception"));
    }

    @Test
    void thePageIsInEnglishWhenTheBrowserAsksOrTheSwitchSaysSo() {
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        s.language("en-US,en;q=0.9");
        WebSession.Page en = s.get("/");
        assertEquals("en", en.doc().selectFirst("html").attr("lang"));
        assertEquals("Case queue", en.text("h1"));
        WebSession zh = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page switched = zh.get(zh.get("/").doc().selectFirst("a[hreflang=en]").attr("href"));
        assertEquals("en", switched.doc().selectFirst("html").attr("lang"));
        WebSession.Page large = zh.get("/preferences/text?size=large&back=/");
        assertTrue(large.doc().selectFirst("html").hasClass("large-text"));
        WebSession.Page outside = zh.get("/preferences/language?to=zh-CN&back=//evil.example/");
        assertEquals(base.getPort(), outside.uri().getPort(), "never an open redirect");
    }
}
