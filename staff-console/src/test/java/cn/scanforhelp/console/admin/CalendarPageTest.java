package cn.scanforhelp.console.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin's working calendar against the real case-service: the years loaded, a year's CSV uploaded through the
 * page (multipart, CSRF token) and loaded there, a bad file refused line by line in Chinese with nothing changed;
 * other roles get the 403 page and no link.
 */
@QuarkusTest
class CalendarPageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void anAdminUploadsAYearAndABadFileIsRefusedLineByLine() {
        WebSession admin = new WebSession(base.toString());
        WebSession.Page page = admin.login(admin.get("/admin/calendar"), "admin");
        assertEquals(200, page.status(), page.body());
        assertNotNull(page.doc().selectFirst("#nav-calendar"), "linked for the admin");
        List<String> choices = page.doc().select("#year option").eachAttr("value");
        String year = choices.get(choices.size() - 1); // two years ahead: no open case's limit reaches it yet

        String bad = "date,kind,name\n" + year + "-01-01,holiday,元旦\n" + year + "/02/10,workday,春节调休\n"
                + year + "-05-01,放假,劳动节\n";
        WebSession.Page refused = admin.submitFile(page, "#calendar-form", Map.of("year", year), "file", "bad.csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, refused.status(), refused.body());
        List<String> errors = refused.doc().select("#calendar-errors li").eachText();
        assertEquals(List.of("第 3 行：日期应写作 2027-01-01", "第 4 行：类别应为 holiday（放假）或 workday（调休上班）"), errors);

        String good = "\uFEFFdate,kind,name\r\n" + year + "-01-01,holiday,元旦\r\n" + year + "-02-10,workday,春节调休\r\n";
        WebSession.Page loaded = admin.submitFile(refused, "#calendar-form", Map.of("year", year), "file", "good.csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, loaded.status(), loaded.body());
        assertTrue(loaded.text("#notice").startsWith("已载入 " + year + " 年的安排：2 天"), loaded.text("#notice"));
        String row = loaded.text("#calendar-years tr[data-year=" + year + "]");
        assertTrue(row.contains("已载入") && row.endsWith("1 1"), row);

        WebSession.Page noToken = admin.submitFile(loaded, "#calendar-form", Map.of("year", year, "csrf-token", "x"),
                "file", "good.csv", good.getBytes(StandardCharsets.UTF_8));
        // a token that is not even well-formed: the form's fault, a 400 page (quarkus-rest-csrf failed with a 500)
        assertEquals(400, noToken.status(), noToken.body());
        assertTrue(noToken.body().contains("表单已失效"), noToken.body());
    }

    @Test
    void otherRolesGetTheForbiddenPageAndNoLink() {
        WebSession reviewer = WebSession.signedIn(base.toString(), "liqiao");
        assertNull(reviewer.get("/").doc().selectFirst("#nav-calendar"));
        assertEquals(403, reviewer.get("/admin/calendar").status());
    }
}
