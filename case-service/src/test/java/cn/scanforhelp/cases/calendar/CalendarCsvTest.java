package cn.scanforhelp.cases.calendar;

import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin loads a year from the CSV the State Council's schedule is kept in (the shape of the shipped
 * reference/holidays-cn.csv), as Excel saves it; the bad rows of a file come back named by their line, all at once,
 * in Chinese, and nothing of that file is stored.
 */
@QuarkusTest
class CalendarCsvTest {

    @Inject
    Calendars calendars;

    @BeforeEach
    @AfterEach
    void without2029() {
        sql("delete from calendar_day where day between '2029-01-01' and '2029-12-31'");
        calendars.reload();
    }

    @Test
    void aYearUploadedAsCsvIsLoaded() {
        String csv = "\uFEFFdate,kind,name\r\n2029-01-01,holiday,元旦\r\n2029-02-10,WORKDAY,春节调休\r\n"
                + "\r\n2029-02-13,holiday,春节\r\n";
        given().auth().oauth2(Tokens.liqiao()).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/calendar/2029/import").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/calendar/2029/import").then().statusCode(200)
                .body("days.size()", equalTo(3)).body("days.kind", hasItems("HOLIDAY", "WORKDAY"))
                .body("deadlinesRecounted", equalTo(0));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/calendar/2029").then().statusCode(200)
                .body("days.name", hasItems("元旦", "春节调休", "春节"));
    }

    @Test
    void badRowsAreNamedByTheirLineAndNothingIsStored() {
        String csv = "date,kind,name\n2029-01-01,holiday,元旦\n2029/02/10,workday,春节调休\n2029-02-13,放假,春节\n"
                + "2030-01-01,holiday,元旦\n2029-01-01,holiday,元旦\n";
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/calendar/2029/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("line 3", "line 4"))
                .body("errors.find { it.field == 'line 3' }.message", equalTo("日期应写作 2027-01-01"));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv")
                .body("date,kind,name\n2029-01-01,holiday,元旦\n2030-01-01,holiday,元旦\n2029-01-01,holiday,元旦\n"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/calendar/2029/import").then().statusCode(400)
                .body("errors.field", hasItems("line 3", "line 4"));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv")
                .body("日期,类别,名称\n2029-01-01,holiday,元旦\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/calendar/2029/import").then().statusCode(400)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("第一行应为列名 date,kind,name"));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv")
                .body(new byte[] {'d', 'a', 't', 'e', ',', (byte) 0xC4, (byte) 0xEA, '\n'})
                .post("/api/v1/calendar/2029/import").then().statusCode(400).body("errors[0].field", equalTo("file"));
        assertEquals(0, count("select count(*) from calendar_day where day between '2029-01-01' and '2029-12-31'"));
    }
}
