package cn.scanforhelp.cases.calendar;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.cases.casefile.Escalation;
import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadlinesTest {

    @Inject
    Escalation escalation;

    @Inject
    MeterRegistry meters;

    @AfterEach
    void backToTheRunsClock() {
        TestClock.reset();
    }

    @Test
    void acceptanceDeadlineCountsWorkingDaysAcrossTheSpringFestival() {
        TestClock.set(LocalDateTime.of(2026, 3, 20, 10, 0)); // weeks after the festival: overdue
        Map<String, Object> app = application("620503114", idNumber());
        app.put("submittedAt", "2026-02-13T16:00:00+08:00");
        String c = open(app);
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().statusCode(200)
                .body("deadlines.find { it.kind == 'ACCEPTANCE' }.startedOn", equalTo("2026-02-13"))
                .body("deadlines.find { it.kind == 'ACCEPTANCE' }.dueOn", equalTo("2026-02-25"))
                .body("deadlines.find { it.kind == 'ACCEPTANCE' }.calendarComplete", equalTo(true))
                .body("deadlineState", equalTo("OVERDUE"));
    }

    @Test
    void aReceiptLateAtNightCountsFromTheShanghaiDate() {
        Map<String, Object> app = application("620503114", idNumber());
        app.put("submittedAt", "2026-09-29T17:30:00Z"); // 2026-09-30 01:30 in Shanghai
        String c = open(app);
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then()
                .body("deadlines.find { it.kind == 'ACCEPTANCE' }.startedOn", equalTo("2026-09-30"))
                .body("deadlines.find { it.kind == 'ACCEPTANCE' }.dueOn", equalTo("2026-10-10"));
    }

    @Test
    void aDecisionRunningIntoAYearMissingFromTheCalendarIsFlagged() {
        String c = open("620503114");
        step(c, Tokens.liqiao(), action("CLASSIFY", "type", "DIBAO"));
        // the decision clock starts today; 30 working days from late 2026 reach into 2027, which is not loaded
        sql("delete from calendar_day where day >= '2027-01-01'");
        step(c, Tokens.liqiao(), action("ACCEPT"));
        var due = LocalDate.parse(given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then()
                .extract().<String>path("deadlines.find { it.kind == 'DECISION' }.dueOn"));
        if (due.getYear() > TestClock.today().getYear() || !knownYear(due.getYear())) {
            given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then()
                    .body("calendarComplete", equalTo(false))
                    .body("deadlines.find { it.kind == 'DECISION' }.calendarComplete", equalTo(false));
        }
    }

    static boolean knownYear(int year) {
        return count("select count(*) from calendar_day where extract(year from day) = ?", year) > 0;
    }

    @Test
    void theMaterialsRequestPausesTheAcceptanceClock() {
        String c = open("620503114");
        UUID id = UUID.fromString(c);
        step(c, Tokens.liqiao(), action("REQUEST_MATERIALS", "materials", List.of("低保申请书")));
        // pretend the request was made long ago with 2 working days left: resuming gives 2 more working days
        sql("update case_deadline set due_on = '2026-01-10', paused_on = '2026-01-08', remaining_days = 2 "
                + "where case_id = ? and kind = 'ACCEPTANCE'", id);
        step(c, Tokens.liqiao(), action("RECEIVE_MATERIALS"));
        String due = given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then()
                .body("deadlines.find { it.kind == 'ACCEPTANCE' }.state", org.hamcrest.Matchers.not("PAUSED"))
                .extract().path("deadlines.find { it.kind == 'ACCEPTANCE' }.dueOn");
        LocalDate today = TestClock.today();
        assertTrue(LocalDate.parse(due).isAfter(today), due);
    }

    @Test
    void overdueCasesAreEscalatedToTheDistrictOnce() {
        Map<String, Object> app = application("620503114", idNumber());
        app.put("submittedAt", "2026-03-02T09:00:00+08:00");
        TestClock.set(LocalDateTime.of(2026, 4, 1, 10, 0)); // its acceptance was due on 03-05
        String c = open(app);
        double countedBefore = meters.counter("sfh.cases.escalated", "kind", "case").count();
        int first = escalation.escalate(TestClock.now());
        assertTrue(first >= 1);
        assertEquals(0, escalation.escalate(TestClock.now()));
        // the operator's alert on cases going overdue counts them (deploy/k8s PrometheusRule SfhOverdueCasesRising)
        assertEquals(countedBefore + first, meters.counter("sfh.cases.escalated", "kind", "case").count());
        given().auth().oauth2(Tokens.officer()).queryParam("escalated", true).queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).body("items.id", hasItem(c));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then()
                .body("history.action", hasItem("ESCALATE")).body("escalatedAt", org.hamcrest.Matchers.notNullValue());
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'ESCALATE'",
                UUID.fromString(c)));
    }

    @Test
    void anAdminLoadsANewYear() {
        String year = """
                {"year":2028,"days":[{"date":"2028-01-01","kind":"HOLIDAY","name":"元旦"},
                {"date":"2028-01-29","kind":"WORKDAY","name":"春节调休"}]}""";
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(year).put("/api/v1/calendar/2028")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(year).put("/api/v1/calendar/2028")
                .then().statusCode(200).body("days.size()", equalTo(2));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"year\":2028,\"days\":[{\"date\":\"2029-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}]}")
                .put("/api/v1/calendar/2028").then().statusCode(400).body("errors.field", hasItem("days[0].date"));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/calendar/2028").then().statusCode(200)
                .body("days.date", hasItem("2028-01-29"));
    }
}
