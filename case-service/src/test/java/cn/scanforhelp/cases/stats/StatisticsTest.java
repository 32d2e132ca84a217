package cn.scanforhelp.cases.stats;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatisticsTest {

    @Test
    void countsAreScopedAndComplete() throws Exception {
        // a quiet window of receipt dates that only this test uses
        Map<String, Object> a = application("620503114", idNumber());
        a.put("submittedAt", "2025-06-10T09:00:00+08:00");
        String c = open(a);
        step(c, Tokens.liqiao(), action("NOT_ACCEPT", "reason", "非本辖区"));
        Map<String, Object> b = application("620503116", idNumber());
        b.put("submittedAt", "2025-06-11T09:00:00+08:00");
        b.put("channel", "HOTLINE");
        open(b);

        // the district sees both townships
        given().auth().oauth2(Tokens.officer()).queryParam("from", "2025-06-10").queryParam("to", "2025-06-11")
                .get("/api/v1/statistics").then().statusCode(200)
                .body("total", equalTo(2)).body("decided", equalTo(1))
                .body("rows.size()", equalTo(2))
                .body("overdueNow", equalTo(1))
                .body("rows.find { it.divisionCode == '620503114' }.status", equalTo("NOT_ACCEPTED"))
                .body("rows.find { it.divisionCode == '620503116' }.channel", equalTo("HOTLINE"));
        // a reviewer of 620503114 does not count 620503116, even when asking for it
        given().auth().oauth2(Tokens.liqiao()).queryParam("from", "2025-06-10").queryParam("to", "2025-06-11")
                .get("/api/v1/statistics").then().statusCode(200)
                .body("total", equalTo(1)).body("rows.divisionCode", everyItem(startsWith("620503114")));
        given().auth().oauth2(Tokens.liqiao()).queryParam("division", "620503116")
                .get("/api/v1/statistics").then().statusCode(200).body("total", equalTo(0));

        String csv = given().auth().oauth2(Tokens.officer()).queryParam("from", "2025-06-10")
                .queryParam("to", "2025-06-11").get("/api/v1/statistics/export.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.contains("620503114,UNCLASSIFIED,QR,NOT_ACCEPTED,1,利桥镇\n"), csv);
        assertTrue(csv.contains("620503116,UNCLASSIFIED,HOTLINE,RECEIVED,1,党川镇\n"), csv);

        byte[] xlsx = given().auth().oauth2(Tokens.liqiao()).queryParam("from", "2025-06-10")
                .queryParam("to", "2025-06-11").get("/api/v1/statistics/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertEquals(1, sheet.getLastRowNum());
            // named divisions and Chinese labels, not enum codes
            java.util.List<String> head = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(cell -> head.add(cell.getStringCellValue()));
            assertEquals(java.util.List.of("区划代码", "乡镇（街道）", "救助类别", "渠道", "状态", "件数"), head);
            assertEquals("620503114", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("利桥镇", sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals("未分类", sheet.getRow(1).getCell(2).getStringCellValue());
            assertEquals("扫码申请", sheet.getRow(1).getCell(3).getStringCellValue());
            assertEquals("不予受理", sheet.getRow(1).getCell(4).getStringCellValue());
            assertEquals(1.0, sheet.getRow(1).getCell(5).getNumericCellValue());
        }
        given().auth().oauth2(Tokens.operator()).get("/api/v1/statistics").then().statusCode(403);
        // without dates: everything in scope, in every format
        given().auth().oauth2(Tokens.officer()).get("/api/v1/statistics").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().auth().oauth2(Tokens.officer()).queryParam("from", "2025-06-10").get("/api/v1/statistics").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().auth().oauth2(Tokens.officer()).get("/api/v1/statistics/export.csv").then().statusCode(200);
        given().auth().oauth2(Tokens.officer()).get("/api/v1/statistics/export.xlsx").then().statusCode(200);
    }
}
