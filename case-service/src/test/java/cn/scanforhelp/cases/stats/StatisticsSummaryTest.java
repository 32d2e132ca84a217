package cn.scanforhelp.cases.stats;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.investigate;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.post;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The statistics summary (V5: triggers on case_file) stays equal to a count over the cases through the service's
 * own writes, and the statistics answer equals what the former query over case_file answers. Receipt dates in
 * 2023 belong to this test alone.
 */
@QuarkusTest
class StatisticsSummaryTest {

    /** Summary rows that differ from a recount of case_file, over every grain and both histograms. */
    static final String MISMATCHES = """
            select (select count(*) from (select p.grain, p.period, division_code collate "C" as division_code, type,
                           channel, status, count(*) as n, count(decided_at) as d,
                           count(*) filter (where decided_on_time) as t
                      from case_file cross join lateral case_periods(case_receipt_day(received_at)) p
                     group by 1, 2, 3, 4, 5, 6) x
                      full join case_stats s using (grain, period, division_code, type, channel, status)
                     where x.n is distinct from s.cases or x.d is distinct from s.decided
                        or x.t is distinct from s.decided_on_time)
                 + (select count(*) from (select p.grain, p.period, division_code collate "C" as division_code,
                           floor(case_hours_to_decision(received_at, decided_at) / 24.0)::integer as days, count(*) as n
                      from case_file cross join lateral case_periods(case_receipt_day(received_at)) p
                     where decided_at is not null group by 1, 2, 3, 4) x
                      full join case_decision_days d using (grain, period, division_code, days)
                     where x.n is distinct from d.cases)
                 + (select count(*) from (select p.grain, p.period, division_code collate "C" as division_code,
                           case_hours_to_decision(received_at, decided_at) as hours, count(*) as n
                      from case_file cross join lateral case_periods(case_receipt_day(received_at)) p
                     where decided_at is not null group by 1, 2, 3, 4) x
                      full join case_decision_hours h using (grain, period, division_code, hours)
                     where x.n is distinct from h.cases)""";

    private static void assertSummaryRight(String after) {
        assertEquals(0, count(MISMATCHES), "summary rows that differ from case_file after " + after);
    }

    private static String receive(String division, String submittedAt, String channel) {
        return receive(division, submittedAt, channel, idNumber());
    }

    private static String receive(String division, String submittedAt, String channel, String idNumber) {
        Map<String, Object> a = application(division, idNumber);
        a.put("submittedAt", submittedAt);
        a.put("channel", channel);
        return open(a);
    }

    @Test
    void theSummaryFollowsEveryWriteAndAnswersAsTheCasesDo() {
        String liqiao = Tokens.liqiao();
        String dangchuan = Tokens.dangchuan();
        // one second before and at midnight in Shanghai (16:00 UTC the day before)
        String a = receive("620503114", "2023-03-31T23:59:59+08:00", "QR");
        String b = receive("620503114", "2023-04-01T00:00:00+08:00", "QR");
        String c = receive("620503116", "2023-04-01T12:00:00+08:00", "HOTLINE");
        String d = receive("620503114", "2023-12-31T23:30:00+08:00", "QR");
        String person = idNumber();
        String e = receive("620503116", "2024-01-01T00:00:00+08:00", "QR", person);
        String f = receive("620503114", "2023-06-15T10:00:00+08:00", "HOTLINE");
        assertSummaryRight("receiving");

        step(a, liqiao, action("NOT_ACCEPT", "reason", "非本辖区"));
        assertSummaryRight("NOT_ACCEPT (decided)");
        step(a, liqiao, action("CLOSE"));
        assertSummaryRight("CLOSE");
        step(b, liqiao, action("ACCEPT"));
        step(b, liqiao, action("CLASSIFY", "type", "TEMPORARY"));
        assertSummaryRight("ACCEPT, CLASSIFY");
        investigate(b, liqiao);
        step(b, liqiao, action("COMPLETE_INVESTIGATION"));
        step(b, liqiao, action("APPROVE", "amount", 800));
        assertSummaryRight("APPROVE");
        step(c, dangchuan, action("REQUEST_MATERIALS", "materials", List.of("户口簿复印件")));
        step(c, dangchuan, action("RECEIVE_MATERIALS"));
        step(d, liqiao, action("WITHDRAW"));
        step(d, liqiao, action("CLOSE"));
        step(f, liqiao, action("CLASSIFY", "type", "MEDICAL"));
        step(f, liqiao, action("ACCEPT"));
        step(f, liqiao, action("REFER", "department", "医疗保障局"));
        assertSummaryRight("materials, withdrawal, referral");
        // a second application of the same person is linked to the open case: no new count
        Map<String, Object> dup = application("620503116", person);
        dup.put("submittedAt", "2023-04-02T08:00:00+08:00");
        assertEquals(e, post(dup).then().statusCode(200).extract().path("linkedToCaseId"));
        assertSummaryRight("a linked duplicate");

        // what no API does: decisions at chosen times (varied hours for the percentiles), a deadline passed
        sql("update case_file set decided_at = received_at + interval '29 minutes' where id = ?", UUID.fromString(a));
        sql("update case_file set decided_at = received_at + interval '2 days 3 hours 40 minutes' where id = ?",
                UUID.fromString(b));
        sql("update case_file set decided_at = received_at + interval '9 days 30 minutes' where id = ?",
                UUID.fromString(f));
        sql("update case_file set next_due_on = ? where id = ?", TestClock.today().minusDays(1), UUID.fromString(e));
        sql("update case_file set received_at = received_at + interval '1 second' where id = ?", UUID.fromString(c));
        assertSummaryRight("moving decisions and receipt times");

        Map<String, String> officer = Map.of("token", Tokens.officer(), "prefix", "620503");
        Map<String, String> township = Map.of("token", liqiao, "prefix", "620503114");
        assertSameAsCases(officer, null, "2023-03-31", "2023-03-31");
        assertSameAsCases(officer, null, "2023-04-01", "2023-04-01");
        assertSameAsCases(township, null, "2023-03-31", "2023-04-01");
        assertSameAsCases(officer, null, "2023-03-15", "2024-01-01");
        assertSameAsCases(officer, null, "2023-01-01", "2023-12-31");
        assertSameAsCases(township, null, null, "2023-06-30");
        assertSameAsCases(officer, "620503116", "2023-04-01", null);
        assertSameAsCases(officer, null, null, null);
        assertSameAsCases(township, null, null, null);
        // from after to is refused (issue 16), no longer an empty answer: RefusedInputTest
        io.restassured.RestAssured.given().auth().oauth2(Tokens.officer()).queryParam("from", "2023-04-02")
                .queryParam("to", "2023-04-01").get("/api/v1/statistics").then().statusCode(400);

        // deleting a case (an operator's clean-up) takes it out of the counts
        UUID gone = UUID.fromString(d);
        for (String t : List.of("case_step", "case_deadline", "case_application")) {
            sql("delete from " + t + " where case_id = ?", gone);
        }
        assertEquals(1, sql("delete from case_file where id = ?", gone));
        assertSummaryRight("deleting a case");
        assertSameAsCases(officer, null, "2023-01-01", "2023-12-31");
    }

    @Test
    void parallelReceiptsInOneTownshipOnOneDayAllCount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> a = application("620503114", idNumber());
            a.put("submittedAt", "2023-08-08T10:00:00+08:00");
            results.add(pool.submit(() -> post(a).then().extract().statusCode()));
        }
        for (Future<Integer> r : results) {
            assertEquals(200, r.get());
        }
        pool.shutdown();
        assertSummaryRight("40 parallel receipts");
        assertEquals(40, count("select cases from case_stats where grain = 'D' and period = '2023-08-08'"
                + " and division_code = '620503114' and type = 'UNCLASSIFIED' and channel = 'QR' and status = 'RECEIVED'"));
    }

    /** The API's answer against the former query over case_file (percentiles over durations to the hour). */
    private static void assertSameAsCases(Map<String, String> who, String division, String from, String to) {
        var req = given().auth().oauth2(who.get("token"));
        if (division != null) {
            req.queryParam("division", division);
        }
        if (from != null) {
            req.queryParam("from", from);
        }
        if (to != null) {
            req.queryParam("to", to);
        }
        JsonPath got = req.get("/api/v1/statistics").then().statusCode(200).extract().jsonPath();
        String prefix = division != null ? division : who.get("prefix");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<Object> params = new ArrayList<>(List.of(prefix + "%"));
        String where = " where division_code like ?";
        if (from != null) {
            where += " and received_at >= ?";
            params.add(LocalDate.parse(from).atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            where += " and received_at < ?";
            params.add(LocalDate.parse(to).plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        String what = "statistics " + who.get("prefix") + " " + division + " " + from + ".." + to;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] r : query("select division_code, type, channel, status, count(*) from case_file" + where
                + " group by 1, 2, 3, 4 order by 1, 2, 3, 4", params)) {
            rows.add(Map.of("divisionCode", r[0], "type", r[1], "channel", r[2], "status", r[3],
                    "count", ((Number) r[4]).intValue()));
        }
        assertEquals(rows, got.getList("rows"), what);
        List<Object> withToday = new ArrayList<>(params);
        withToday.add(0, TestClock.today());
        Object[] s = query("""
                select count(*), count(decided_at), count(*) filter (where decided_on_time),
                       percentile_cont(0.5) within group (order by case_hours_to_decision(received_at, decided_at) / 24.0)
                           filter (where decided_at is not null),
                       percentile_cont(0.9) within group (order by case_hours_to_decision(received_at, decided_at) / 24.0)
                           filter (where decided_at is not null),
                       count(*) filter (where next_due_on < ? and closed_at is null),
                       percentile_cont(0.5) within group (order by extract(epoch from decided_at - received_at) / 86400)
                           filter (where decided_at is not null)
                  from case_file""" + where, withToday).get(0);
        assertEquals(((Number) s[0]).longValue(), got.getLong("total"), what);
        assertEquals(((Number) s[1]).longValue(), got.getLong("decided"), what);
        assertEquals(((Number) s[2]).longValue(), got.getLong("decidedOnTime"), what);
        assertEquals(((Number) s[5]).longValue(), got.getLong("overdueNow"), what);
        assertSamePercentile(s[3], got.get("medianDaysToDecision"), what);
        assertSamePercentile(s[4], got.get("p90DaysToDecision"), what);
        if (s[6] != null) { // within half an hour of the exact durations
            assertTrue(Math.abs(((Number) s[6]).doubleValue() - got.getDouble("medianDaysToDecision")) <= 1 / 48.0 + 1e-3,
                    what);
        }
        if (((Number) s[1]).longValue() > 0) {
            assertEquals(Math.round(((Number) s[2]).doubleValue() / ((Number) s[1]).doubleValue() * 1000) / 1000.0,
                    got.getDouble("onTimeRate"), what);
        }
    }

    /** Equal after rounding to 0.001 day (one unit apart only where binary arithmetic meets a half exactly). */
    private static void assertSamePercentile(Object expected, Object got, String what) {
        if (expected == null) {
            assertEquals(null, got, what);
            return;
        }
        assertNotNull(got, what);
        assertEquals(Math.round(((Number) expected).doubleValue() * 1000) / 1000.0, ((Number) got).doubleValue(),
                0.0010001, what);
    }

    private static List<Object[]> query(String sql, List<Object> params) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<Object[]> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
