package cn.scanforhelp.cases.casefile;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The queue as a file: the queue's filters, names masked, Chinese labels in the workbook, audited as EXPORT. */
@QuarkusTest
class CaseExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theQueuesFilteredCasesAsAWorkbookWithChineseLabelsAndMaskedNames() throws Exception {
        Map<String, Object> a = application("620503116", idNumber());
        a.put("applicant", Map.of("name", "欧阳导出", "idNumber", idNumber(), "phone", "13812345678"));
        String c = open(a);
        String tracking = (String) a.get("trackingNumber");
        step(c, Tokens.dangchuan(), action("NOT_ACCEPT", "reason", "非本辖区"));

        var response = given().auth().oauth2(Tokens.officer()).queryParam("division", "620503116")
                .queryParam("status", "NOT_ACCEPTED").get("/api/v1/cases/export/xlsx").then().statusCode(200)
                .contentType(XLSX).header("X-Export-Truncated", "false")
                .header("Content-Disposition", containsString("attachment")).extract();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            var sheet = wb.getSheet("案件清单");
            List<String> head = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> head.add(cell.getStringCellValue()));
            assertEquals(List.of("受理编号", "申请人（脱敏）", "区划代码", "乡镇（街道）", "村（社区）", "救助类别", "状态", "渠道",
                    "受理时间", "下一期限", "期限状态", "剩余工作日", "紧急", "已上报区级"), head);
            Row mine = null;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                assertEquals("620503116", r.getCell(2).getStringCellValue());
                assertEquals("不予受理", r.getCell(6).getStringCellValue());
                if (tracking.equals(r.getCell(0).getStringCellValue())) {
                    mine = r;
                }
            }
            assertNotNull(mine, "the case is in the file");
            assertEquals("欧**出", mine.getCell(1).getStringCellValue());
            assertEquals("党川镇", mine.getCell(3).getStringCellValue());
            assertEquals("花园村", mine.getCell(4).getStringCellValue());
            assertEquals("未分类", mine.getCell(5).getStringCellValue());
            assertEquals("扫码申请", mine.getCell(7).getStringCellValue());
            assertEquals("否", mine.getCell(12).getStringCellValue());
            assertEquals(null, wb.getSheet("说明"), "not truncated");
        }

        String csv = given().auth().oauth2(Tokens.officer()).queryParam("text", "欧阳导出")
                .get("/api/v1/cases/export/csv").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFFtracking_number,applicant_name_masked,"), csv);
        assertTrue(csv.contains(tracking + ",欧**出,620503116,党川镇,花园村,UNCLASSIFIED,NOT_ACCEPTED,QR,"), csv);
        assertFalse(csv.contains("欧阳导出"), "no full name");
        assertFalse(csv.contains("13812345678"), "no phone");

        // audited: who exported what, with the filters, a searched text never in the entry
        given().auth().oauth2(Tokens.officer()).queryParam("actor", "officer").queryParam("action", "EXPORT")
                .queryParam("limit", 2).get("/api/v1/audit").then().statusCode(200)
                .body("items[0].detail", containsString("case list csv, "))
                .body("items[0].detail", containsString("filters: text"))
                .body("items[0].detail", not(containsString("欧阳")))
                .body("items[1].detail", containsString("status=NOT_ACCEPTED, division=620503116"));
    }

    @Test
    void scopedLikeTheQueue() {
        Map<String, Object> a = application("620503116", idNumber());
        open(a);
        String tracking = (String) a.get("trackingNumber");
        assertTrue(given().auth().oauth2(Tokens.dangchuan()).queryParam("text", tracking)
                .get("/api/v1/cases/export/csv").then().statusCode(200).extract().asString().contains(tracking));
        String other = given().auth().oauth2(Tokens.liqiao()).queryParam("division", "620503116")
                .get("/api/v1/cases/export/csv").then().statusCode(200).extract().asString();
        assertEquals(1, other.lines().count(), "only the header: " + other);
        given().auth().oauth2(Tokens.operator()).get("/api/v1/cases/export/xlsx").then().statusCode(403);
        given().get("/api/v1/cases/export/csv").then().statusCode(401);
    }

    @Test
    void aFilterTheQueueRefusesIs400() {
        given().auth().oauth2(Tokens.officer()).queryParam("channel", "FAX").get("/api/v1/cases/export/xlsx").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(Tokens.officer()).queryParam("text", "x".repeat(101)).get("/api/v1/cases/export/csv")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        given().auth().oauth2(Tokens.officer()).queryParam("status", "NONSENSE").get("/api/v1/cases/export/csv")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
