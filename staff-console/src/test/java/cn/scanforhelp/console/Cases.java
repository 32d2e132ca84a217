package cn.scanforhelp.console;

import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Applications delivered to case-service as intake's relay delivers them, and what staff see through its API. */
public final class Cases {

    /**
     * Just now, by the system clock: the case-service process these tests start reads the system clock
     * (only in-process services get TestClock), so a fixed date would age with the calendar.
     */
    static final String SUBMITTED_AT = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8))
            .minusMinutes(5).withNano(0).toString();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Cases() {
    }

    public record Opened(String caseId, String trackingNumber, String name, String idNumber, String phone) {
    }

    /** A new application in the township (e.g. 620503114 利桥镇), optionally already of a type. */
    public static Opened open(String division, String caseType) {
        return open(division, caseType, "丈夫住院，无力支付医药费");
    }

    /** The application as case-service receives it (JSON fields), not yet delivered. */
    public static Map<String, Object> application(String division, String caseType, String description) {
        return application(division, caseType, description, "赵小兰");
    }

    /** The same with the applicant's name (the queue finds a name typed whole). */
    public static Map<String, Object> application(String division, String caseType, String description,
            String name) {
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
        m.put("applicant", Map.of("name", name, "idNumber", idNumber(), "phone", "13700001111"));
        m.put("difficulty", "ILLNESS");
        m.put("description", description);
        m.put("householdSize", 2);
        m.put("urgent", false);
        m.put("caseType", caseType);
        m.put("consentVersion", "2026-11");
        m.put("submittedAt", SUBMITTED_AT);
        return m;
    }

    /** A new application with this description. */
    public static Opened open(String division, String caseType, String description) {
        return open(division, caseType, description, "王小" + "明红军芳".charAt(ThreadLocalRandom.current().nextInt(4)));
    }

    /** A new application with this description and applicant's name (what the queue's text search finds). */
    public static Opened open(String division, String caseType, String description, String name) {
        String id = idNumber();
        String tracking = trackingNumber();
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> m = new HashMap<>();
        m.put("eventId", UUID.randomUUID().toString());
        m.put("applicationId", UUID.randomUUID().toString());
        m.put("trackingNumber", tracking);
        m.put("channel", "QR");
        m.put("divisionCode", division);
        m.put("townshipName", division.endsWith("114") ? "利桥镇" : "党川镇");
        m.put("villageCode", division + "201");
        m.put("villageName", "花园村");
        m.put("hotlines", List.of("0938-2731001"));
        m.put("applicant", Map.of("name", name, "idNumber", id, "phone", phone));
        m.put("difficulty", "ILLNESS");
        m.put("description", description);
        m.put("householdSize", 3);
        m.put("urgent", false);
        m.put("caseType", caseType);
        m.put("consentVersion", "2026-11");
        m.put("submittedAt", SUBMITTED_AT);
        JsonNode r = call("POST", "/internal/v1/applications", Tokens.intakeService(), m);
        return new Opened(r.path("caseId").asText(), tracking, name, id, phone);
    }

    /**
     * A second application with the same ID number in the case's township, as intake's relay delivers it:
     * case-service links it to the open case as an unconfirmed duplicate. Answers its application id.
     */
    public static String duplicate(Opened c, String trackingNumber) {
        Map<String, Object> m = application("620503114", null, "又申请一次", "赵小兰");
        m.put("trackingNumber", trackingNumber);
        m.put("applicant", Map.of("name", "赵小兰", "idNumber", c.idNumber(), "phone", "13700002222"));
        JsonNode r = call("POST", "/internal/v1/applications", Tokens.intakeService(), m);
        if (!c.caseId().equals(r.path("caseId").asText())) {
            throw new IllegalStateException("not linked to " + c.caseId() + ": " + r);
        }
        return m.get("applicationId").toString();
    }

    /** The case as case-service shows it to this token. */
    public static JsonNode get(String caseId, String token) {
        return call("GET", "/api/v1/cases/" + caseId, token, null);
    }

    /** Takes a step through case-service's API, as another reviewer would (If-Match with the current version). */
    public static JsonNode act(String caseId, String token, Map<String, Object> body) {
        long version = get(caseId, token).path("version").asLong();
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(CaseServiceProcess.url() + "/api/v1/cases/" + caseId + "/actions"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("If-Match", "\"" + version + "\"")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new IllegalStateException(body + " answered " + res.statusCode() + ": " + res.body());
            }
            return JSON.readTree(res.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records the case's home visit (入户调查) through case-service's API by wangwu and zhaoliu, so that liqiao may
     * still decide the case (four eyes); COMPLETE_INVESTIGATION needs it.
     */
    public static JsonNode investigate(String caseId) {
        long version = get(caseId, Tokens.liqiao()).path("version").asLong();
        Map<String, Object> body = new HashMap<>();
        body.put("investigators", List.of(Map.of("userId", "wangwu", "name", "王五"),
                Map.of("userId", "zhaoliu", "name", "赵六")));
        body.put("visitDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        body.put("householdConfirmed", false);
        body.put("monthlyIncomeYuan", Map.of("wage", 600, "netBusiness", 0, "netProperty", 0, "netTransfer", 150));
        body.put("findings", "户主患慢性病，无劳动能力");
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(CaseServiceProcess.url() + "/api/v1/cases/" + caseId
                    + "/investigation")).header("Authorization", "Bearer " + Tokens.liqiao())
                    .header("Content-Type", "application/json").header("If-Match", "\"" + version + "\"")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 201) {
                throw new IllegalStateException("investigation answered " + res.statusCode() + ": " + res.body());
            }
            return JSON.readTree(res.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audit entries of a case, read as the district officer. */
    public static JsonNode audit(String caseId) {
        return call("GET", "/api/v1/audit?caseId=" + caseId, Tokens.officer(), null).path("items");
    }

    public static JsonNode call(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(CaseServiceProcess.url() + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A call with the case's current version as If-Match (household, referrals). */
    public static JsonNode callIfMatch(String method, String path, String caseId, String token, Object body) {
        long version = get(caseId, token).path("version").asLong();
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(CaseServiceProcess.url() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("If-Match", "\"" + version + "\"")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
            }
            return JSON.readTree(res.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement on case-service's database (the console's tests share its embedded PostgreSQL). */
    public static String sql(String query, String caseId) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + cn.scanforhelp.infra.testing.PostgresResource.server().getPort() + "/postgres", "postgres", "postgres");
                var ps = c.prepareStatement(query)) {
            ps.setObject(1, UUID.fromString(caseId));
            if (!ps.execute()) {
                return null;
            }
            try (var rs = ps.getResultSet()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A DIBAO case of 利桥镇 whose public notice is over: the county's rural standard set (500 yuan), a household of
     * two with 300 yuan a month in all recorded, the visit recorded by two colleagues of liqiao, investigation
     * completed, the notice started and its end moved into the past in case-service's database (no test waits
     * seven days; the clock stays case-service's). liqiao may approve it.
     */
    public static Opened dibaoNoticeEnded() {
        Opened c = dibaoUnderNotice();
        endNotice(c.caseId());
        return c;
    }

    /** The same case while its public notice runs. */
    public static Opened dibaoUnderNotice() {
        call("PUT", "/api/v1/dibao-standards/620503/RURAL/2020", Tokens.admin(),
                Map.of("countyCode", "620503", "area", "RURAL", "year", 2020, "monthlyYuan", 500));
        Opened c = open("620503114", "DIBAO");
        act(c.caseId(), Tokens.liqiao(), Map.of("action", "ACCEPT"));
        callIfMatch("PUT", "/api/v1/cases/" + c.caseId() + "/household", c.caseId(), Tokens.liqiao(),
                Map.of("area", "RURAL", "members", List.of(
                        Map.of("relation", "本人", "name", c.name(), "age", 50, "monthlyIncomeYuan", 300),
                        Map.of("relation", "配偶", "name", "李小梅", "age", 48, "monthlyIncomeYuan", 0))));
        investigate(c.caseId());
        act(c.caseId(), Tokens.liqiao(), Map.of("action", "COMPLETE_INVESTIGATION"));
        act(c.caseId(), Tokens.liqiao(), Map.of("action", "START_PUBLIC_NOTICE"));
        return c;
    }

    /** Ends the case's public notice now, as if its seven days had passed. */
    public static void endNotice(String caseId) {
        sql("update case_file set notice_ends_at = now() - interval '1 minute' where id = ?", caseId);
    }

    /** An objection filed on the public notice page, as intake-service forwards it. */
    public static void object(String caseId, String text) {
        String notice = sql("select notice_id::text from case_file where id = ?", caseId);
        call("POST", "/internal/v1/notices/" + notice + "/objections", Tokens.intakeService(),
                Map.of("eventId", UUID.randomUUID().toString(), "name", "王某", "contact", "13912345678",
                        "text", text, "receivedAt", java.time.OffsetDateTime.now().toString()));
    }

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

    /**
     * Makes the open case overdue: its nearest deadline (the one the queue, its counters and the dashboard read,
     * {@code case_file.next_due_on}) becomes yesterday, its at-risk day three days ago, by case-service's calendar
     * day (Asia/Shanghai). The case-service process reads the system clock, so a case cannot age by a test clock.
     */
    public static void makeOverdue(String caseId) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        sql("update case_file set next_due_on = ?, next_at_risk_on = ? where id = ?", today.minusDays(1),
                today.minusDays(3), UUID.fromString(caseId));
    }

    /**
     * Moves the case to a division outside case-service's service area (620503 in tests), as a transfer would:
     * how a test gets a case of another county of the city.
     */
    public static void moveTo(String caseId, String division) {
        sql("update case_file set division_code = ? where id = ?", division, UUID.fromString(caseId));
    }

    /** One statement on case-service's database (the embedded PostgreSQL both processes use). */
    private static void sql(String statement, Object... params) {
        try (java.sql.Connection c = cn.scanforhelp.infra.testing.PostgresResource.server().getPostgresDatabase()
                .getConnection(); java.sql.PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no row: " + statement);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
