package cn.scanforhelp.console.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printed documents: A4 PDFs with the embedded CJK font, their text read back with PDFBox. */
@QuarkusTest
class DocumentsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theAcceptanceNoticeNamesTheTownshipTrackingNumberAndDeadline() throws Exception {
        Cases.Opened c = Cases.open("620503114", "TEMPORARY");
        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "ACCEPT"));
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page page = s.get("/cases/" + c.caseId());
        assertNotNull(page.doc().selectFirst("#documents a[href$=acceptance.pdf]"));
        String text = text(s, "/cases/" + c.caseId() + "/documents/acceptance.pdf");
        assertTrue(text.contains("社会救助申请受理通知书"), text);
        assertTrue(text.contains("利桥镇") && text.contains(c.trackingNumber()), text);
        assertTrue(text.contains("15个工作日内"), text);
        assertPersonalDataAbsent(text, c);
    }

    @Test
    void theMaterialsNoticeListsEveryMissingItem() throws Exception {
        Cases.Opened c = Cases.open("620503114", null);
        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "REQUEST_MATERIALS",
                "materials", List.of("户口簿复印件", "医院诊断证明")));
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        String text = text(s, "/cases/" + c.caseId() + "/documents/materials.pdf");
        assertTrue(text.contains("一次性告知书") && text.contains(c.trackingNumber()) && text.contains("利桥镇"), text);
        assertTrue(text.contains("1. 户口簿复印件") && text.contains("2. 医院诊断证明"), text);
        assertPersonalDataAbsent(text, c);
    }

    @Test
    void aRefusalNamesTheReasonAndTheRoutesOfAppeal() throws Exception {
        Cases.Opened c = Cases.open("620503114", null);
        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "NOT_ACCEPT", "reason", "不属于本镇管辖"));
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        String text = text(s, "/cases/" + c.caseId() + "/documents/refusal.pdf");
        assertTrue(text.contains("不予受理通知书") && text.contains("不属于本镇管辖"), text);
        assertTrue(text.contains("六十日内") && text.contains("行政复议"), text);
        assertTrue(text.contains("六个月内") && text.contains("行政诉讼"), text);
        assertTrue(text.contains("利桥镇") && text.contains(c.trackingNumber()), text);

        Cases.Opened r = Cases.open("620503114", "TEMPORARY");
        Cases.act(r.caseId(), Tokens.liqiao(), Map.of("action", "ACCEPT"));
        Cases.investigate(r.caseId());
        Cases.act(r.caseId(), Tokens.liqiao(), Map.of("action", "COMPLETE_INVESTIGATION"));
        Cases.act(r.caseId(), Tokens.liqiao(), Map.of("action", "REJECT", "reason", "家庭人均收入高于当地低保标准"));
        String rejected = text(s, "/cases/" + r.caseId() + "/documents/refusal.pdf");
        assertTrue(rejected.contains("不予批准通知书") && rejected.contains("家庭人均收入高于当地低保标准"), rejected);
        assertTrue(rejected.contains("行政复议") && rejected.contains("行政诉讼"));
    }

    @Test
    void theVillagesNoticeListShowsOnlyWhatMayBePublished() throws Exception {
        Cases.Opened c = Cases.open("620503114", "DIBAO");
        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "ACCEPT"));
        Cases.investigate(c.caseId());
        for (String a : List.of("COMPLETE_INVESTIGATION", "START_PUBLIC_NOTICE")) {
            Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", a));
        }
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page page = s.get("/cases/" + c.caseId());
        String href = page.doc().selectFirst("#documents a[href*=public-notice]").attr("href");
        String text = text(s, href);
        assertTrue(text.contains("利桥镇花园村社会救助审核公示"), text);
        // masked as the public notice page masks it (case-service's noticeName, infra Masking.noticeName): 王*,
        // not as staff see it (王*明): the printed list hangs in the village beside the page
        String staffMask = c.name().charAt(0) + "*" + c.name().charAt(c.name().length() - 1);
        assertTrue(text.contains(c.name().charAt(0) + "*"), c.name().charAt(0) + "* in " + text);
        assertFalse(text.contains(staffMask), staffMask + " in " + text);
        assertTrue(text.contains("最低生活保障"));
        assertTrue(text.contains("公示期7天"), text);
        assertPersonalDataAbsent(text, c);
    }

    @Test
    void aDocumentTheCaseDoesNotHaveYetIsAClearPage() {
        Cases.Opened c = Cases.open("620503114", null);
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page p = s.get("/cases/" + c.caseId() + "/documents/refusal.pdf");
        assertEquals(409, p.status());
        assertTrue(p.text("#error-message").contains("还没有这份文书"), p.body());
        assertEquals(404, s.get("/cases/" + c.caseId() + "/documents/anything.pdf").status());
        Cases.Opened other = Cases.open("620503116", null);
        assertEquals(404, s.get("/cases/" + other.caseId() + "/documents/acceptance.pdf").status());
    }

    private static String text(WebSession s, String path) throws Exception {
        WebSession.Binary b = s.bytes(path);
        assertEquals(200, b.status(), new String(b.bytes()));
        assertEquals("application/pdf", b.contentType());
        try (PDDocument doc = Loader.loadPDF(b.bytes())) {
            assertEquals(PDRectangle.A4.getWidth(), doc.getPage(0).getMediaBox().getWidth(), 0.5);
            return new PDFTextStripper().getText(doc);
        }
    }

    private static void assertPersonalDataAbsent(String text, Cases.Opened c) {
        assertFalse(text.contains(c.idNumber()), "no ID number");
        assertFalse(text.contains(c.phone()), "no phone");
        assertFalse(text.contains(c.name()), "no full name");
    }
}
