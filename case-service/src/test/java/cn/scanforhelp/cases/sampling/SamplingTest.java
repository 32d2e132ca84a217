package cn.scanforhelp.cases.sampling;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.investigate;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sampling checks (抽查): the share per type (test configuration DIBAO 0.10, TEKUN 0.30, others 0.05, at least one),
 * only the township's cases decided in the period, reproducible from the recorded seed, scoped, checks recorded,
 * audited and counted. Township 620503108 is used by no other test.
 */
@QuarkusTest
class SamplingTest {

    static final String TOWNSHIP = "620503108";

    /** A case of the township put into a decision by SQL (the procedure's own walk is taken once below). */
    static UUID decided(String division, String type, String status, LocalDate on) {
        UUID id = UUID.fromString(open(division));
        sql("update case_file set type = ?, status = ?, decided_at = ? where id = ?", type, status,
                on.atTime(15, 0).atZone(TestClock.ZONE).toOffsetDateTime(), id);
        return id;
    }

    static Map<String, Object> body(String township, LocalDate from, LocalDate to) {
        return Map.of("townshipCode", township, "from", from.toString(), "to", to.toString());
    }

    @Test
    void drawsTheSharePerTypeOfTheTownshipsDecidedCasesAndRecordsTheChecks() {
        LocalDate today = TestClock.today();
        LocalDate from = today.minusDays(30);
        List<UUID> dibao = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            dibao.add(decided(TOWNSHIP, "DIBAO", i % 3 == 0 ? "REJECTED" : "APPROVED", today.minusDays(1 + i)));
        }
        List<UUID> tekun = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tekun.add(decided(TOWNSHIP, "TEKUN", "APPROVED", today.minusDays(5)));
        }
        // one TEKUN case rejected by the procedure itself, today
        String reviewer = Tokens.user("reviewer108").roles("township-reviewer").division(TOWNSHIP).sign();
        String real = open(TOWNSHIP);
        step(real, reviewer, action("ACCEPT"));
        step(real, reviewer, action("CLASSIFY", "type", "TEKUN"));
        investigate(real, reviewer);
        step(real, reviewer, action("COMPLETE_INVESTIGATION"));
        step(real, reviewer, action("REJECT", "reason", "有固定收入，不符合特困条件"));
        tekun.add(UUID.fromString(real));
        List<UUID> temporary = List.of(decided(TOWNSHIP, "TEMPORARY", "APPROVED", from),
                decided(TOWNSHIP, "TEMPORARY", "REJECTED", today));
        // never drawn: decided before the period, not decided, decided but not approved or rejected, another township
        Set<UUID> never = new HashSet<>(List.of(decided(TOWNSHIP, "DIBAO", "APPROVED", from.minusDays(1)),
                UUID.fromString(open(TOWNSHIP)), decided(TOWNSHIP, "TEKUN", "NOT_ACCEPTED", today.minusDays(2)),
                decided("620503109", "TEKUN", "APPROVED", today.minusDays(2))));

        String officer = Tokens.officer();
        JsonPath s = given().auth().oauth2(officer).contentType(ContentType.JSON).body(body(TOWNSHIP, from, today))
                .post("/api/v1/samplings").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/samplings/"))
                .body("townshipCode", equalTo(TOWNSHIP)).body("townshipName", equalTo("党川镇"))
                .body("drawnBy", equalTo("officer"))
                .body("strata.find { it.type == 'DIBAO' }.population", equalTo(11))
                .body("strata.find { it.type == 'DIBAO' }.drawn", equalTo(2)) // ceil(0.10 × 11)
                .body("strata.find { it.type == 'TEKUN' }.population", equalTo(4))
                .body("strata.find { it.type == 'TEKUN' }.drawn", equalTo(2)) // ceil(0.30 × 4)
                .body("strata.find { it.type == 'TEMPORARY' }.drawn", equalTo(1)) // at least one
                .body("cases", hasSize(5))
                .body("cases.applicantName", hasItem("张*三"))
                .body("cases.applicantName", not(hasItem("张小三")))
                .extract().jsonPath();
        // who and when from the injected clock
        assertTrue(Math.abs(java.time.OffsetDateTime.parse(s.getString("drawnAt")).toEpochSecond()
                - TestClock.now().toEpochSecond()) < 120);
        List<UUID> drawn = s.getList("cases.caseId", String.class).stream().map(UUID::fromString).toList();
        drawn.forEach(id -> assertTrue(!never.contains(id), "drew a case outside the township or period"));
        // reproducible: the recorded seed draws the same cases again
        long seed = s.getLong("seed");
        Set<UUID> again = new HashSet<>();
        again.addAll(Draw.pick(dibao, 0.10, seed, "DIBAO"));
        again.addAll(Draw.pick(tekun, 0.30, seed, "TEKUN"));
        again.addAll(Draw.pick(temporary, 0.05, seed, "TEMPORARY"));
        assertEquals(again, new HashSet<>(drawn));
        assertEquals(1, count("select count(*) from audit_log where action = 'DRAW_SAMPLING' and division_code = ?",
                TOWNSHIP));

        String id = s.getString("id");
        String first = drawn.get(0).toString();
        String second = drawn.get(1).toString();
        String path = "/api/v1/samplings/" + id + "/cases/";
        // the check: a problem needs a note, the note is limited, a case not drawn is 404
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("outcome", "PROBLEM_FOUND"))
                .post(path + first + "/check").then().statusCode(400).body("errors.field", hasItem("note"));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("outcome", "PROBLEM_FOUND", "note", "漏".repeat(501)))
                .post(path + first + "/check").then().statusCode(400).body("errors.field", hasItem("note"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("outcome", "MAYBE"))
                .post(path + first + "/check").then().statusCode(400);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED"))
                .post(path + never.iterator().next() + "/check").then().statusCode(404);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("outcome", "PROBLEM_FOUND", "note", "家庭收入核算漏计转移性收入"))
                .post(path + first + "/check").then().statusCode(200)
                .body("cases.find { it.caseId == '" + first + "' }.outcome", equalTo("PROBLEM_FOUND"))
                .body("cases.find { it.caseId == '" + first + "' }.note", equalTo("家庭收入核算漏计转移性收入"))
                .body("cases.find { it.caseId == '" + first + "' }.checkedBy", equalTo("officer"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED"))
                .post(path + second + "/check").then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_log where action = 'CHECK_SAMPLED_CASE' and case_id = ?",
                UUID.fromString(first)));
        assertEquals(0, count("select count(*) from sampled_case where note_enc like '%漏计%'"));

        // the list and the statistics count it
        given().auth().oauth2(officer).get("/api/v1/samplings").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.sampled", equalTo(5))
                .body("find { it.id == '" + id + "' }.checked", equalTo(2))
                .body("find { it.id == '" + id + "' }.problems", equalTo(1));
        JsonPath stats = given().auth().oauth2(officer).queryParam("division", TOWNSHIP)
                .get("/api/v1/statistics/sampling").then().statusCode(200).extract().jsonPath();
        assertEquals(5, stats.getList("sampled", Integer.class).stream().mapToInt(Integer::intValue).sum());
        assertEquals(2, stats.getList("checked", Integer.class).stream().mapToInt(Integer::intValue).sum());
        assertEquals(1, stats.getList("problems", Integer.class).stream().mapToInt(Integer::intValue).sum());
        assertEquals(2, stats.getInt("find { it.type == 'DIBAO' }.sampled"));
        // the township sees its own figures; another county's officer sees none of them
        given().auth().oauth2(reviewer).get("/api/v1/statistics/sampling").then().statusCode(200)
                .body("divisionCode", hasItem(TOWNSHIP));
        String elsewhere = Tokens.user("qinzhou").roles("district-officer").division("620502").sign();
        given().auth().oauth2(elsewhere).get("/api/v1/statistics/sampling").then().statusCode(200)
                .body("divisionCode", not(hasItem(TOWNSHIP)));
        given().auth().oauth2(elsewhere).get("/api/v1/samplings/" + id).then().statusCode(404);
        given().auth().oauth2(elsewhere).get("/api/v1/samplings").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(elsewhere).contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED"))
                .post(path + first + "/check").then().statusCode(404);
    }

    @Test
    void refusesClearly() {
        LocalDate today = TestClock.today();
        String officer = Tokens.officer();
        // another county's officer cannot draw this township: 403 naming it
        String elsewhere = Tokens.user("qinzhou").roles("district-officer").division("620502").sign();
        given().auth().oauth2(elsewhere).contentType(ContentType.JSON).body(body(TOWNSHIP, today.minusDays(30), today))
                .post("/api/v1/samplings").then().statusCode(403)
                .body("type", equalTo("urn:scan-for-help:problem:sampling-township-outside-scope"));
        // a township reviewer does not draw samples
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON)
                .body(body("620503114", today.minusDays(30), today)).post("/api/v1/samplings").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body(TOWNSHIP, today, today)).post("/api/v1/samplings").then()
                .statusCode(401);
        // bad bodies: 400 naming the field
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(body("620503", today, today))
                .post("/api/v1/samplings").then().statusCode(400).body("errors.field", hasItem("townshipCode"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(body(TOWNSHIP, today, today.minusDays(1)))
                .post("/api/v1/samplings").then().statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(body(TOWNSHIP, today.minusDays(400), today)).post("/api/v1/samplings").then().statusCode(400)
                .body("errors.field", hasItem("to"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("townshipCode", TOWNSHIP))
                .post("/api/v1/samplings").then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"townshipCode\":\"620503108\","
                + "\"from\":\"2026-13-01\",\"to\":\"2026-12-01\"}").post("/api/v1/samplings").then().statusCode(400);
        // nothing decided in the period: 409 saying so
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(body(TOWNSHIP, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 1))).post("/api/v1/samplings")
                .then().statusCode(409).body("type", equalTo("urn:scan-for-help:problem:sampling-nothing-to-draw"));
        given().auth().oauth2(officer).get("/api/v1/samplings/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(officer).get("/api/v1/samplings/not-a-uuid").then()
                .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400)).and(org.hamcrest.Matchers.lessThan(500)));
    }
}
