package cn.scanforhelp.intake.alert;

import static cn.scanforhelp.intake.Fixtures.idNumber;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AlertImportTest {

    /** The alerts below are dated October and November 2026; the import refuses alerts dated in the future. */
    @BeforeEach
    void inLateNovember2026() {
        TestClock.set(LocalDateTime.of(2026, 11, 25, 10, 0));
    }

    @AfterEach
    void backToTheRunsClock() {
        TestClock.reset();
    }

    @Test
    void mixedJsonBatchReportsEveryRow() {
        String person = idNumber();
        String body = """
                {"alerts":[
                 {"source":"医疗保障局","idNumber":"%1$s","name":"张小三","divisionCode":"620503114","reason":"HIGH_MEDICAL_COST","date":"2026-11-01"},
                 {"source":"医疗保障局","idNumber":"%1$s","name":"张小三","divisionCode":"620503114","reason":"HIGH_MEDICAL_COST","date":"2026-11-02"},
                 {"source":"教育局","idNumber":"620503198001011230","name":"李四","divisionCode":"620502001","reason":"TRUANCY","date":"2026-13-01"},
                 {"source":"应急管理局","idNumber":"%2$s","name":"王五","divisionCode":"620503116","reason":"DISASTER","date":"2026-10-30"}
                ]}""".formatted(person, idNumber());
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(body).post("/api/v1/alerts").then()
                .statusCode(200)
                .body("total", equalTo(4)).body("created", equalTo(2)).body("duplicate", equalTo(1))
                .body("invalid", equalTo(1))
                .body("rows[0].outcome", equalTo("CREATED")).body("rows[0].trackingNumber", notNullValue())
                .body("rows[1].outcome", equalTo("DUPLICATE"))
                .body("rows[2].outcome", equalTo("INVALID"))
                .body("rows[2].errors.field", hasItem("idNumber")).body("rows[2].errors.field", hasItem("reason"))
                .body("rows[2].errors.field", hasItem("date")).body("rows[2].errors.field", hasItem("divisionCode"))
                .body("rows[3].outcome", equalTo("CREATED"));
        // a second batch for the same person, while the first alert is open: not duplicated
        given().auth().oauth2(Tokens.alertImport()).contentType(ContentType.JSON).body(body).post("/api/v1/alerts")
                .then().statusCode(200).body("created", equalTo(0)).body("duplicate", equalTo(3));
    }

    @Test
    void csvWithBomAndHeader() {
        String csv = "\uFEFFsource,idNumber,name,divisionCode,reason,date,phone\n"
                + "民政局,%s,赵六,620503114,ELDERLY_ALONE,2026-11-01,13900000001\n".formatted(idNumber())
                + "民政局,not-an-id,钱七,620503114,ELDERLY_ALONE,2026-11-01,\n";
        given().auth().oauth2(Tokens.officer()).contentType("text/csv; charset=utf-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/alerts").then().statusCode(200)
                .body("created", equalTo(1)).body("invalid", equalTo(1))
                .body("rows[1].errors[0].field", equalTo("idNumber"));
    }

    @Test
    void csvWithoutHeaderOrInvalidUtf8IsA400() {
        given().auth().oauth2(Tokens.officer()).contentType("text/csv")
                .body("a,b,c\n1,2,3\n").post("/api/v1/alerts").then().statusCode(400)
                .body("type", equalTo("urn:scan-for-help:problem:csv-malformed"));
        given().auth().oauth2(Tokens.officer()).contentType("text/csv")
                .body(new byte[] {'s', ',', (byte) 0xff, '\n'}).post("/api/v1/alerts").then().statusCode(400);
    }

    @Test
    void moreThan10000RowsAreRefusedWhole() {
        StringBuilder csv = new StringBuilder("source,idNumber,name,divisionCode,reason,date\n");
        for (int i = 0; i <= 10_000; i++) {
            csv.append("民政局,1,张三,620503114,OTHER,2026-11-01\n");
        }
        given().auth().oauth2(Tokens.officer()).contentType("text/csv").body(csv.toString()).post("/api/v1/alerts")
                .then().statusCode(400).body("type", equalTo("urn:scan-for-help:problem:batch-too-large"));
    }

    @Test
    void officersImportOnlyForTheirDivision() {
        String liqiaoOfficer = Tokens.user("o2").roles("district-officer").division("620503114").sign();
        given().auth().oauth2(liqiaoOfficer).contentType(ContentType.JSON).body("""
                {"alerts":[{"source":"医疗保障局","idNumber":"%s","name":"张小三","divisionCode":"620503116",
                 "reason":"DISABILITY","date":"2026-11-01"}]}""".formatted(idNumber()))
                .post("/api/v1/alerts").then().statusCode(200).body("invalid", equalTo(1))
                .body("rows[0].errors[0].code", equalTo("division.out-of-scope"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"alerts\":[]}")
                .post("/api/v1/alerts").then().statusCode(403);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"alerts\":[]}")
                .post("/api/v1/alerts").then().statusCode(400);
    }
}
