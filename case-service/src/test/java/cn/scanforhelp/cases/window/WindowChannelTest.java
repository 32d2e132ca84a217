package cn.scanforhelp.cases.window;

import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.cases.CaseFixtures;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The township's walk-in window (一门受理) as case-service sees it: channel WINDOW, what the counter saw
 * on the case, its own row in the statistics and both exports, the queue's channel filter.
 */
@QuarkusTest
class WindowChannelTest {

    static Map<String, Object> window(String division, String submittedAt, List<String> materials) {
        Map<String, Object> a = application(division, idNumber());
        a.put("channel", "WINDOW");
        if (submittedAt != null) {
            a.put("submittedAt", submittedAt);
        }
        Map<String, Object> counter = new HashMap<>();
        counter.put("recordedBy", "chuangkou");
        counter.put("inPerson", true);
        counter.put("idSeen", true);
        counter.put("materialsReceived", materials);
        a.put("counter", counter);
        return a;
    }

    @Test
    void theCaseShowsWhatTheCounterSawAndTheQueueFiltersByWindow() {
        String id = open(window("620503114", null, List.of("户口簿", "身份证复印件")));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("channel", equalTo("WINDOW"))
                .body("applications[0].channel", equalTo("WINDOW"))
                .body("applications[0].counter.recordedBy", equalTo("chuangkou"))
                .body("applications[0].counter.inPerson", equalTo(true))
                .body("applications[0].counter.idSeen", equalTo(true))
                .body("applications[0].counter.materialsReceived", equalTo(List.of("户口簿", "身份证复印件")))
                .body("materialsReceived", equalTo(List.of("户口簿", "身份证复印件")));
        given().auth().oauth2(Tokens.liqiao()).queryParam("channel", "WINDOW").queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200)
                .body("items.channel", everyItem(equalTo("WINDOW"))).body("items.id", hasItem(id));
        // a QR case has no counter and nothing received
        String qr = open("620503114");
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + qr).then().statusCode(200)
                .body("applications[0].counter", nullValue()).body("materialsReceived", equalTo(List.of()));
    }

    @Test
    void aCounterWithTooManyOrBlankMaterialsIsRefused() {
        Map<String, Object> a = window("620503114", null, List.of(" "));
        CaseFixtures.post(a).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void statisticsAndExportsCountWindowAsItsOwnChannel() throws Exception {
        // receipt dates only this test uses
        open(window("620503114", "2025-03-04T09:00:00+08:00", List.of("户口簿")));
        open(window("620503114", "2025-03-04T10:00:00+08:00", List.of()));
        Map<String, Object> qr = application("620503114", idNumber());
        qr.put("submittedAt", "2025-03-05T09:00:00+08:00");
        open(qr);
        Map<String, Object> hotline = application("620503114", idNumber());
        hotline.put("submittedAt", "2025-03-05T10:00:00+08:00");
        hotline.put("channel", "HOTLINE");
        open(hotline);

        given().auth().oauth2(Tokens.liqiao()).queryParam("from", "2025-03-04").queryParam("to", "2025-03-05")
                .get("/api/v1/statistics").then().statusCode(200).body("total", equalTo(4))
                .body("rows.size()", equalTo(3))
                .body("rows.find { it.channel == 'WINDOW' }.count", equalTo(2))
                .body("rows.find { it.channel == 'QR' }.count", equalTo(1))
                .body("rows.find { it.channel == 'HOTLINE' }.count", equalTo(1));
        String csv = given().auth().oauth2(Tokens.liqiao()).queryParam("from", "2025-03-04")
                .queryParam("to", "2025-03-05").get("/api/v1/statistics/export.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains("620503114,UNCLASSIFIED,WINDOW,RECEIVED,2,"), csv);
        assertTrue(csv.contains("620503114,UNCLASSIFIED,QR,RECEIVED,1,"), csv);
        byte[] xlsx = given().auth().oauth2(Tokens.liqiao()).queryParam("from", "2025-03-04")
                .queryParam("to", "2025-03-05").get("/api/v1/statistics/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertEquals(3, sheet.getLastRowNum());
            Map<String, Double> byChannel = new HashMap<>();
            for (int i = 1; i <= 3; i++) {
                byChannel.put(sheet.getRow(i).getCell(3).getStringCellValue(),
                        sheet.getRow(i).getCell(5).getNumericCellValue());
            }
            assertEquals(Map.of("窗口受理", 2.0, "扫码申请", 1.0, "热线", 1.0), byChannel);
        }
    }
}
