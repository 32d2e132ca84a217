package cn.scanforhelp.cases.stats;

import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Residents' satisfaction ratings counted per township and type, in the report and its exports. */
@QuarkusTest
class RatingsStatisticsTest {

    static String rated(String division, String type, int rating) {
        Map<String, Object> app = application(division, idNumber());
        app.put("submittedAt", "2022-05-10T10:00:00+08:00");
        String c = open(app);
        sql("update case_file set type = ?, status = 'CLOSED' where id = ?", type, UUID.fromString(c));
        given().auth().oauth2(Tokens.notificationService()).contentType(ContentType.JSON)
                .body(Map.of("eventId", UUID.randomUUID().toString(), "rating", rating,
                        "receivedAt", "2022-06-20T10:00:00+08:00"))
                .post("/internal/v1/cases/" + c + "/satisfaction").then().statusCode(204);
        return c;
    }

    @Test
    void ratingsArePerTownshipAndType() throws Exception {
        rated("620503114", "TEMPORARY", 5);
        rated("620503114", "TEMPORARY", 2);
        rated("620503114", "DIBAO", 4);
        rated("620503116", "TEMPORARY", 1);
        given().auth().oauth2(Tokens.liqiao()).queryParam("from", "2022-05-10").queryParam("to", "2022-05-10")
                .get("/api/v1/statistics").then().statusCode(200)
                .body("ratings.size()", equalTo(2))
                .body("ratings.find { it.type == 'TEMPORARY' }.ratings", equalTo(2))
                .body("ratings.find { it.type == 'TEMPORARY' }.average", equalTo(3.5f))
                .body("ratings.find { it.type == 'TEMPORARY' }.satisfied", equalTo(1))
                .body("ratings.find { it.type == 'TEMPORARY' }.dissatisfied", equalTo(1))
                .body("ratings.find { it.type == 'DIBAO' }.average", equalTo(4.0f));
        given().auth().oauth2(Tokens.officer()).queryParam("from", "2022-05-10").queryParam("to", "2022-05-10")
                .get("/api/v1/statistics").then().statusCode(200)
                .body("ratings.size()", equalTo(3))
                .body("ratings.find { it.divisionCode == '620503116' }.average", equalTo(1.0f));
        given().auth().oauth2(Tokens.liqiao()).queryParam("from", "2022-05-10").queryParam("to", "2022-05-10")
                .get("/api/v1/statistics/export.csv").then().statusCode(200)
                .body(containsString("division_code,type,ratings,average_rating,satisfied,dissatisfied,division_name\n"
                        + "620503114,DIBAO,1,4.0,1,0,利桥镇\n620503114,TEMPORARY,2,3.5,1,1,利桥镇\n"));
        // the workbook's ratings sheet names the township and the type in Chinese
        byte[] xlsx = given().auth().oauth2(Tokens.liqiao()).queryParam("from", "2022-05-10")
                .queryParam("to", "2022-05-10").get("/api/v1/statistics/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rated = wb.getSheet("满意度");
            org.junit.jupiter.api.Assertions.assertEquals("乡镇（街道）", rated.getRow(0).getCell(1).getStringCellValue());
            org.junit.jupiter.api.Assertions.assertEquals("利桥镇", rated.getRow(1).getCell(1).getStringCellValue());
            org.junit.jupiter.api.Assertions.assertEquals("最低生活保障", rated.getRow(1).getCell(2).getStringCellValue());
            org.junit.jupiter.api.Assertions.assertEquals("临时救助", rated.getRow(2).getCell(2).getStringCellValue());
            org.junit.jupiter.api.Assertions.assertEquals(2.0, rated.getRow(2).getCell(3).getNumericCellValue());
        }
    }
}
