package cn.scanforhelp.console.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The audit search and the queue's export against the real case-service. */
@QuarkusTest
class AuditPageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void anOfficerFindsWhoRevealedACaseAndWhyWithoutPersonalValues() {
        Cases.Opened c = Cases.open("620503114", null);
        Cases.call("POST", "/api/v1/cases/" + c.caseId() + "/reveal", Tokens.liqiao(),
                Map.of("reason", "电话回访核实身份"));

        WebSession s = WebSession.signedIn(base.toString(), "officer");
        assertNotNull(s.get("/").doc().selectFirst("#nav-audit[href=/audit]"), "the officer's navigation has it");
        WebSession.Page p = s.get("/audit?trackingNumber=" + c.trackingNumber().toLowerCase());
        assertEquals(200, p.status(), p.body());
        Element reveal = p.doc().select("#audit tbody tr").stream()
                .filter(r -> r.text().contains("查看完整个人信息")).findFirst().orElse(null);
        assertNotNull(reveal, p.body());
        assertEquals("liqiao", reveal.selectFirst(".actor").text());
        assertTrue(reveal.text().contains("乡镇审核人员"), reveal.text());
        assertEquals("电话回访核实身份", reveal.selectFirst(".reason").text());
        assertEquals("/cases/" + c.caseId(), reveal.selectFirst("a.tracking").attr("href"));
        assertEquals(c.trackingNumber(), reveal.selectFirst("a.tracking").text());
        assertTrue(p.doc().select("#audit tbody tr").eachText().stream().anyMatch(t -> t.contains("接收申请")));
        // the trail and the page hold no personal values
        assertFalse(p.body().contains(c.name()) || p.body().contains(c.idNumber()) || p.body().contains(c.phone()));

        // by person and kind: every row is that person's reveal; the filters are kept in the form
        WebSession.Page mine = s.get("/audit?actor=liqiao&action=REVEAL");
        assertEquals(200, mine.status());
        assertTrue(mine.doc().select("#audit tbody .actor").eachText().stream().allMatch("liqiao"::equals));
        assertTrue(mine.doc().select("#audit tbody .action").eachText().stream().allMatch("查看完整个人信息"::equals));
        assertEquals("liqiao", mine.doc().selectFirst("#a-actor").attr("value"));
        assertNotNull(mine.doc().selectFirst("#a-action option[value=REVEAL][selected]"));
        // a day range that excludes today finds nothing
        WebSession.Page none = s.get("/audit?trackingNumber=" + c.trackingNumber() + "&to=2020-01-01");
        assertEquals(200, none.status());
        assertNotNull(none.doc().selectFirst("#audit-empty"), none.body());
    }

    @Test
    void badFiltersComeBackAtTheirFieldsAndOthersMayNotSearch() {
        WebSession s = WebSession.signedIn(base.toString(), "officer");
        WebSession.Page bad = s.get("/audit?trackingNumber=K7-QM");
        assertEquals(400, bad.status(), bad.body());
        assertNotNull(bad.doc().selectFirst("#error-summary a[href=#a-trackingNumber]"), bad.body());
        assertEquals("true", bad.doc().selectFirst("#a-trackingNumber").attr("aria-invalid"));
        assertEquals("K7-QM", bad.doc().selectFirst("#a-trackingNumber").attr("value"));
        WebSession.Page range = s.get("/audit?from=2026-03-02&to=2026-03-01");
        assertEquals(400, range.status());
        assertNotNull(range.doc().selectFirst("#a-from-error"), range.body());

        WebSession reviewer = WebSession.signedIn(base.toString(), "dangchuan");
        assertNull(reviewer.get("/").doc().selectFirst("#nav-audit"));
        assertEquals(403, reviewer.get("/audit").status());
    }

    @Test
    void theQueuesExportKeepsItsFiltersAndIsAudited() throws Exception {
        Cases.Opened c = Cases.open("620503116", null);
        WebSession s = WebSession.signedIn(base.toString(), "officer");
        WebSession.Page queue = s.get("/?status=RECEIVED&division=620503116");
        String xlsx = queue.doc().selectFirst("#export-xlsx").attr("href");
        assertEquals("/export/cases.xlsx?status=RECEIVED&division=620503116", xlsx);
        WebSession.Binary file = s.bytes(xlsx);
        assertEquals(200, file.status());
        assertTrue(file.contentType().startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            var sheet = wb.getSheet("案件清单");
            boolean found = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                assertEquals("党川镇", sheet.getRow(i).getCell(3).getStringCellValue());
                assertEquals("已接收", sheet.getRow(i).getCell(6).getStringCellValue());
                if (c.trackingNumber().equals(sheet.getRow(i).getCell(0).getStringCellValue())) {
                    found = true;
                    assertTrue(sheet.getRow(i).getCell(1).getStringCellValue().contains("*"), "masked");
                }
            }
            assertTrue(found, "the case is in the export");
        }
        WebSession.Binary csv = s.bytes(queue.doc().selectFirst("#export-csv").attr("href"));
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains(c.trackingNumber()), text);
        assertFalse(text.contains(c.name()) || text.contains(c.phone()), "no personal values");
        // a filter case-service refuses is a 400 page, no file
        assertEquals(400, s.get("/export/cases.csv?channel=FAX").status());
        WebSession.Page trail = s.get("/audit?actor=officer&action=EXPORT");
        assertTrue(trail.doc().select("#audit tbody .action").eachText().contains("导出案件清单"), trail.body());
        assertTrue(trail.text("#audit tbody").contains("status=RECEIVED, division=620503116"));
    }
}
