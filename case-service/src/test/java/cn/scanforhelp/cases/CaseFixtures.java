package cn.scanforhelp.cases;

import static io.restassured.RestAssured.given;

import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Applications as intake sends them, and the few calls every test needs. */
public final class CaseFixtures {

    private CaseFixtures() {
    }

    /** A valid 18-character resident ID number (GB 11643 check digit), different each call. */
    public static String idNumber() {
        String base = "620503" + (1950 + ThreadLocalRandom.current().nextInt(60))
                + String.format("%02d%02d", 1 + ThreadLocalRandom.current().nextInt(12),
                        1 + ThreadLocalRandom.current().nextInt(28))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * w[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }

    public static String trackingNumber() {
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public static Map<String, Object> application(String division, String idNumber) {
        Map<String, Object> m = new HashMap<>();
        m.put("eventId", UUID.randomUUID().toString());
        m.put("applicationId", UUID.randomUUID().toString());
        m.put("trackingNumber", trackingNumber());
        m.put("channel", "QR");
        m.put("divisionCode", division);
        m.put("townshipName", division.endsWith("114") ? "利桥镇" : "党川镇");
        m.put("villageCode", division + "201");
        m.put("villageName", "花园村");
        m.put("hotlines", List.of("0938-2731001"));
        m.put("applicant", Map.of("name", "张小三", "idNumber", idNumber, "phone", "13812345678"));
        m.put("difficulty", "ILLNESS");
        m.put("description", "丈夫住院，无力支付医药费");
        m.put("householdSize", 3);
        m.put("urgent", false);
        m.put("caseType", null);
        m.put("consentVersion", "2026-11");
        m.put("submittedAt", TestClock.now().minusMinutes(5).withNano(0).toString()); // just now, by the services' clock
        return m;
    }

    public static Response post(Map<String, Object> application) {
        return given().auth().oauth2(Tokens.intakeService()).contentType(ContentType.JSON).body(application)
                .post("/internal/v1/applications");
    }

    /** Opens a case in the division and returns its id. */
    public static String open(String division) {
        return open(application(division, idNumber()));
    }

    public static String open(Map<String, Object> application) {
        return post(application).then().statusCode(200).extract().path("caseId");
    }

    public static String etag(String caseId, String token) {
        return given().auth().oauth2(token).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().header("ETag");
    }

    public static Response act(String caseId, String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(caseId, token))
                .body(body).post("/api/v1/cases/" + caseId + "/actions");
    }

    /** Takes the action and expects it to succeed. */
    public static void step(String caseId, String token, Map<String, Object> body) {
        act(caseId, token, body).then().statusCode(200);
    }

    public static Map<String, Object> action(String action, Object... fields) {
        Map<String, Object> m = new HashMap<>();
        m.put("action", action);
        for (int i = 0; i < fields.length; i += 2) {
            m.put((String) fields[i], fields[i + 1]);
        }
        return m;
    }

    /**
     * An investigation record (入户调查) by these staff (user ids), visited today, household not confirmed (none
     * recorded), incomes in yuan per month.
     */
    public static Map<String, Object> investigation(String... investigators) {
        Map<String, Object> m = new HashMap<>();
        m.put("investigators", java.util.Arrays.stream(investigators)
                .map(u -> Map.of("userId", u, "name", "调查员" + u)).toList());
        m.put("visitDate", TestClock.today().toString());
        m.put("householdConfirmed", false);
        m.put("householdNote", "家庭成员尚未登记");
        m.put("monthlyIncomeYuan", Map.of("wage", 600, "netBusiness", 120.5, "netProperty", 0, "netTransfer", 150));
        m.put("assets", "自建砖木住房一处，无车辆");
        m.put("findings", "户主患慢性肾病，每周透析两次，无劳动能力");
        return m;
    }

    public static Response recordInvestigation(String caseId, String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(caseId, token))
                .body(body).post("/api/v1/cases/" + caseId + "/investigation");
    }

    /** Records a home visit by wangwu and zhaoliu, so that liqiao (the usual test reviewer) may decide the case. */
    public static void investigate(String caseId, String token) {
        recordInvestigation(caseId, token, investigation("wangwu", "zhaoliu")).then().statusCode(201);
    }

    /** A 利桥镇 DIBAO case whose public notice has ended, with a rural household of two earning 0 and 600 a month. */
    public static String dibaoUnderEndedNotice(String reviewer) {
        String c = open("620503114");
        step(c, reviewer, action("ACCEPT"));
        step(c, reviewer, action("CLASSIFY", "type", "DIBAO"));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).header("If-Match", etag(c, reviewer))
                .body(Map.of("area", "RURAL", "members", List.of(
                        Map.of("relation", "本人", "name", "张小三", "idNumber", idNumber(), "monthlyIncomeYuan", 0),
                        Map.of("relation", "配偶", "name", "李小梅", "monthlyIncomeYuan", 600))))
                .put("/api/v1/cases/" + c + "/household").then().statusCode(200);
        investigate(c, reviewer);
        step(c, reviewer, action("COMPLETE_INVESTIGATION"));
        step(c, reviewer, action("START_PUBLIC_NOTICE"));
        sql("update case_file set notice_ends_at = ? where id = ?", TestClock.now().minusMinutes(1), UUID.fromString(c));
        return c;
    }

    /** Direct SQL, for what no API does: putting a case into a state, moving time, checking the log. */
    public static int sql(String statement, Object... params) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static long count(String query, Object... params) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
