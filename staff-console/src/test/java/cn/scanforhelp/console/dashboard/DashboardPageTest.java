package cn.scanforhelp.console.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The district officer's dashboard against the real case-service: who may see it, and its numbers lead to the cases. */
@QuarkusTest
class DashboardPageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aTownshipReviewerAndOtherRolesGetThe403Page() {
        for (String user : new String[] {"dangchuan", "liqiao", "operator", "admin"}) {
            WebSession s = new WebSession(base.toString());
            s.signIn(user);
            WebSession.Page p = s.get("/dashboard");
            assertEquals(403, p.status(), user);
            assertTrue(p.text("#error-message").contains("区级"), p.body());
            assertTrue(!p.body().contains("Exception") && !p.body().contains("at cn."), "no stack trace");
        }
        WebSession.Page queue = WebSession.signedIn(base.toString(), "dangchuan").get("/");
        assertNull(queue.doc().selectFirst("#nav-dashboard"), "no dashboard link for a township reviewer");
    }

    @Test
    void anOfficerSeesATownshipsOverdueCaseAndItsNumberLeadsToIt() {
        Cases.Opened late = Cases.open("620503116", null);
        Cases.makeOverdue(late.caseId());
        Cases.Opened fine = Cases.open("620503114", null);

        WebSession s = WebSession.signedIn(base.toString(), "officer");
        WebSession.Page queue = s.get("/");
        assertNotNull(queue.doc().selectFirst("#nav-dashboard[href=/dashboard]"), "the officer's navigation has it");

        WebSession.Page d = s.get("/dashboard");
        assertEquals(200, d.status(), d.body());
        Element row = d.doc().selectFirst("#t-deadlines tr[data-division=620503116]");
        assertNotNull(row, d.body());
        assertTrue(row.text().contains("党川镇"), row.text());
        Element overdue = row.selectFirst("a.n-OVERDUE");
        assertTrue(Long.parseLong(overdue.text()) >= 1, row.text());
        assertEquals("/?division=620503116&deadlineState=OVERDUE", overdue.attr("href"));
        assertNotNull(d.doc().selectFirst("#t-deadlines tr[data-division=620503114]"), "every township with cases");
        // the chart is drawn by script into a container the table names; the page is whole without it
        assertEquals("chart-deadlines", d.doc().selectFirst("#t-deadlines").attr("data-chart"));
        assertNotNull(d.doc().selectFirst("script[src=/webjars/echarts/dist/echarts.min.js]"));
        // the other sections: channels per week (8 weeks), ratings, the oldest open cases with the overdue one first
        assertEquals(8 + 2, d.doc().select("#t-channels thead th").size());
        assertTrue(d.doc().select("#t-channels tbody a").eachAttr("href").contains("/?channel=QR"));
        // every way in has its row, the walk-in window too, even in a week without one
        assertTrue(d.doc().select("#t-channels tbody a").eachAttr("href").contains("/?channel=WINDOW"));
        assertTrue(d.doc().select("#t-oldest a.tracking").eachText().contains(late.trackingNumber()), d.body());

        // following the number: the queue filtered to that township and state shows the case, and only such cases
        WebSession.Page filtered = s.get(overdue.attr("href"));
        assertEquals(200, filtered.status());
        assertNotNull(filtered.doc().selectFirst("tr[data-case=" + late.caseId() + "]"), filtered.body());
        assertNull(filtered.doc().selectFirst("tr[data-case=" + fine.caseId() + "]"));
        assertEquals(overdue.text(), filtered.text("#count-OVERDUE .n"), "the dashboard's number is the queue's");
        assertTrue(filtered.doc().select("#queue tbody .badge").eachText().stream().allMatch("已超期"::equals));
        assertEquals("620503116", filtered.doc().selectFirst("#f-division").attr("value"));
    }

    @Test
    void aCityLevelOfficerSeesTheTownshipsOfEveryCountyOfTheCity() {
        Cases.moveTo(Cases.open("620503114", null).caseId(), "620502101"); // 秦州区, another county of 天水市
        Cases.open("620503114", null);
        WebSession.Page d = WebSession.signedIn(base.toString(), "cityofficer").get("/dashboard");
        assertEquals(200, d.status(), d.body());
        assertNotNull(d.doc().selectFirst("#t-deadlines tr[data-division=620502101]"), d.body());
        assertNotNull(d.doc().selectFirst("#t-deadlines tr[data-division=620503114]"));
        // the district officer of 620503 does not see 秦州区
        WebSession.Page district = WebSession.signedIn(base.toString(), "officer").get("/dashboard");
        assertNull(district.doc().selectFirst("#t-deadlines tr[data-division=620502101]"));
    }

    @Test
    void aBadDivisionFilterIsA400Page() {
        WebSession s = WebSession.signedIn(base.toString(), "officer");
        WebSession.Page p = s.get("/?division=abc");
        assertEquals(400, p.status());
    }
}
