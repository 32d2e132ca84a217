package cn.scanforhelp.cases.calendar;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin loads a year the calendar lacked, and the open cases' running limits that reach into it are counted
 * again at once: 2030 (not shipped) with 国庆 1–7 October off and the make-up working days 29 September (Sunday)
 * and 12 October (Saturday). Counted on weekends only, a DIBAO decision from Monday 16 September (30 working days)
 * was due 28 October; with the holidays it is due 31 October. A referral sent the same day (10 working days) was due
 * 30 September; the make-up Sunday brings it to 29 September. A paused clock is not touched.
 */
@QuarkusTest
class CalendarRecountTest {

    static final String LIQIAO = "620503114";
    static final String YEAR_2030 = """
            {"year":2030,"days":[
            {"date":"2030-09-29","kind":"WORKDAY","name":"国庆节调休"},
            {"date":"2030-10-01","kind":"HOLIDAY","name":"国庆节"},{"date":"2030-10-02","kind":"HOLIDAY","name":"国庆节"},
            {"date":"2030-10-03","kind":"HOLIDAY","name":"国庆节"},{"date":"2030-10-04","kind":"HOLIDAY","name":"国庆节"},
            {"date":"2030-10-05","kind":"HOLIDAY","name":"国庆节"},{"date":"2030-10-06","kind":"HOLIDAY","name":"国庆节"},
            {"date":"2030-10-07","kind":"HOLIDAY","name":"国庆节"},
            {"date":"2030-10-12","kind":"WORKDAY","name":"国庆节调休"}]}""";

    @Inject
    Calendars calendars;

    @BeforeEach
    @AfterEach
    void without2030() {
        sql("delete from calendar_day where day between '2030-01-01' and '2030-12-31'");
        calendars.reload();
        TestClock.reset();
    }

    @Test
    void loadingAYearCountsTheRunningLimitsThatReachIntoItAgain() {
        TestClock.set(LocalDateTime.of(2030, 9, 16, 10, 0));
        String r = Tokens.liqiao();
        String dibao = open(LIQIAO);
        step(dibao, r, action("CLASSIFY", "type", "DIBAO"));
        step(dibao, r, action("ACCEPT"));
        assertEquals("2030-10-28", due(dibao, "DECISION"), "30 working days, weekends only");

        String medical = open(LIQIAO);
        step(medical, r, action("ACCEPT"));
        step(medical, r, action("CLASSIFY", "type", "MEDICAL"));
        step(medical, r, action("REFER", "department", "医疗保障局"));
        assertEquals("2030-09-30", referralDue(medical));

        String paused = open(LIQIAO);
        step(paused, r, action("REQUEST_MATERIALS", "materials", List.of("户口簿复印件")));
        String pausedDue = due(paused, "ACCEPTANCE");

        given().auth().oauth2(r).contentType(ContentType.JSON).body(YEAR_2030).put("/api/v1/calendar/2030")
                .then().statusCode(403);
        int recounted = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(YEAR_2030)
                .put("/api/v1/calendar/2030").then().statusCode(200).extract().path("deadlinesRecounted");
        assertTrue(recounted >= 2, "at least the decision and the referral: " + recounted);

        assertEquals("2030-10-31", due(dibao, "DECISION"), "国庆 counted, the make-up days too");
        assertEquals("2030-09-29", referralDue(medical), "the make-up Sunday is the department's working day");
        assertEquals(pausedDue, due(paused, "ACCEPTANCE"), "a paused clock counts nothing until it resumes");
        given().auth().oauth2(r).get("/api/v1/cases/" + dibao).then()
                .body("calendarComplete", org.hamcrest.Matchers.equalTo(true));

        UUID id = UUID.fromString(dibao);
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'RECOUNT_DEADLINES' "
                + "and detail like '%DECISION 2030-10-28 → 2030-10-31 (calendar 2030)%' and actor = 'admin'", id));
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'RECOUNT_REFERRAL'",
                UUID.fromString(medical)));
        assertEquals(0, count("select count(*) from audit_log where case_id = ? and action like 'RECOUNT%'",
                UUID.fromString(paused)));
        // the resident's look-up learns the new next deadline
        assertEquals(1, count("select count(*) from outbox_event where event_type = 'STATUS' "
                + "and payload->>'caseId' = ? and payload->>'nextDeadline' = '2030-10-31'", dibao));

        // loading the same year again moves nothing
        int again = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(YEAR_2030)
                .put("/api/v1/calendar/2030").then().statusCode(200).extract().path("deadlinesRecounted");
        assertEquals(0, again);
    }

    private static String due(String caseId, String kind) {
        return given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().path("deadlines.find { it.kind == '%s' }.dueOn".formatted(kind));
    }

    private static String referralDue(String caseId) {
        return given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId + "/referrals").then()
                .statusCode(200).extract().path("[0].dueOn");
    }
}
