package cn.scanforhelp.cases.notice;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.etag;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.cases.DownstreamResource;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * 公示 published: starting the notice sends intake exactly the fields a notice may show (a household with a
 * minor, an ID number and a phone on file), and an objection filed on the public page sends the case back to
 * investigation and withdraws the notice.
 */
@QuarkusTest
class PublicNoticeEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> PUBLISHED_FIELDS = new TreeSet<>(List.of("eventId", "noticeId", "event", "townshipCode",
            "townshipName", "villageCode", "villageName", "maskedName", "householdSize", "assistanceType",
            "amountYuan", "publishedAt", "endsAt"));

    static List<JsonNode> sentNotices(String field, String value) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (var r : DownstreamResource.server().findAll(postRequestedFor(urlEqualTo(DownstreamResource.NOTICES)))) {
            JsonNode n = JSON.readTree(r.getBodyAsString());
            if (value.equals(n.path(field).asText())) {
                out.add(n);
            }
        }
        return out;
    }

    /** A DIBAO case of 利桥镇 under public notice, its household with a child of 9; returns the case id. */
    static String underNotice(String applicantId, String childId) {
        String c = open(application("620503114", applicantId));
        step(c, Tokens.liqiao(), action("ACCEPT"));
        step(c, Tokens.liqiao(), action("CLASSIFY", "type", "DIBAO"));
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag(c, Tokens.liqiao()))
                .body(Map.of("area", "RURAL", "members", List.of(
                        Map.of("relation", "本人", "name", "张小三", "idNumber", applicantId, "age", 46,
                                "health", "慢性肾病", "monthlyIncomeYuan", 0),
                        Map.of("relation", "配偶", "name", "李小梅", "age", 44, "monthlyIncomeYuan", 300),
                        Map.of("relation", "子女", "name", "张小宝", "idNumber", childId, "age", 9,
                                "monthlyIncomeYuan", 0))))
                .put("/api/v1/cases/" + c + "/household").then().statusCode(200);
        // the investigation's own record is another part of the procedure: the case is put into review directly
        sql("update case_file set status = 'REVIEW' where id = ?::uuid", c);
        step(c, Tokens.liqiao(), action("START_PUBLIC_NOTICE"));
        return c;
    }

    static String noticeId(String caseId) {
        return given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().path("id") != null ? noticeOf(caseId) : null;
    }

    static String noticeOf(String caseId) {
        try (var c = java.sql.DriverManager.getConnection(cn.scanforhelp.infra.testing.PostgresResource.jdbcUrl());
                var ps = c.prepareStatement("select notice_id from case_file where id = ?::uuid")) {
            ps.setString(1, caseId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void startingTheNoticePublishesOnlyTheAllowedFields() throws Exception {
        String applicantId = idNumber();
        String childId = idNumber();
        String c = underNotice(applicantId, childId);
        String notice = noticeId(c);
        assertNotNull(notice, "the case under notice has a notice id");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !sentNotices("noticeId", notice).isEmpty());
        JsonNode n = sentNotices("noticeId", notice).get(0);
        Set<String> fields = new TreeSet<>();
        n.fieldNames().forEachRemaining(fields::add);
        assertEquals(PUBLISHED_FIELDS, fields);
        assertEquals("PUBLISHED", n.path("event").asText());
        assertEquals("张*", n.path("maskedName").asText());
        // the console prints the village's list from the case: the same mask as the page, beside staff's own
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().statusCode(200)
                .body("noticeName", org.hamcrest.Matchers.equalTo("张*"))
                .body("applicantName", org.hamcrest.Matchers.equalTo("张*三"));
        assertEquals(3, n.path("householdSize").asInt());
        assertEquals("DIBAO", n.path("assistanceType").asText());
        assertEquals("620503114", n.path("townshipCode").asText());
        assertEquals("620503114201", n.path("villageCode").asText());
        assertFalse(n.path("endsAt").asText().isBlank());
        String body = n.toString();
        for (String secret : List.of(applicantId, childId, "13812345678", "张小宝", "小宝", "李小梅", "慢性肾病", c)) {
            assertFalse(body.contains(secret), "the notice must not carry " + secret);
        }
    }

    @Test
    void anObjectionFromThePublicPageReopensTheInvestigationAndWithdrawsTheNotice() throws Exception {
        String c = underNotice(idNumber(), idNumber());
        String notice = noticeId(c);
        Map<String, Object> objection = Map.of("eventId", UUID.randomUUID().toString(), "name", "王某",
                "contact", "13912345678", "text", "该户在镇上开有商铺，有经营性收入",
                "receivedAt", "2026-11-25T11:00:00+08:00");
        // only intake's account may file it
        given().auth().oauth2(Tokens.notificationService()).contentType(ContentType.JSON).body(objection)
                .post("/internal/v1/notices/" + notice + "/objections").then().statusCode(403);
        given().auth().oauth2(Tokens.intakeService()).contentType(ContentType.JSON).body(Map.of("text", ""))
                .post("/internal/v1/notices/" + notice + "/objections").then().statusCode(400)
                .contentType("application/problem+json");
        for (int i = 0; i < 2; i++) { // a repeat delivery has no second effect
            given().auth().oauth2(Tokens.intakeService()).contentType(ContentType.JSON).body(objection)
                    .post("/internal/v1/notices/" + notice + "/objections").then().statusCode(204);
        }
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("INVESTIGATION"));
        assertEquals(1, count("select count(*) from case_step where case_id = ?::uuid and action = 'RECORD_OBJECTION' "
                + "and actor = 'intake-service'", c));
        assertEquals(1, count("select count(*) from notice_objection where case_id = ?::uuid "
                + "and text_enc not like '%商铺%' and name_enc not like '%王某%'", c));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sentNotices("noticeId", notice).stream()
                .anyMatch(n -> "WITHDRAWN".equals(n.path("event").asText())));
        // one filed while the withdrawal travelled is kept with the case, without a second step
        given().auth().oauth2(Tokens.intakeService()).contentType(ContentType.JSON)
                .body(Map.of("eventId", UUID.randomUUID().toString(), "text", "再次异议", "receivedAt", "2026-11-25T11:05:00+08:00"))
                .post("/internal/v1/notices/" + notice + "/objections").then().statusCode(204);
        assertEquals(2, count("select count(*) from notice_objection where case_id = ?::uuid", c));
        assertEquals(1, count("select count(*) from case_step where case_id = ?::uuid and action = 'RECORD_OBJECTION'", c));
        // a notice that never was: 404
        given().auth().oauth2(Tokens.intakeService()).contentType(ContentType.JSON)
                .body(Map.of("eventId", UUID.randomUUID().toString(), "text", "异议", "receivedAt", "2026-11-25T11:05:00+08:00"))
                .post("/internal/v1/notices/" + UUID.randomUUID() + "/objections").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void leavingTheNoticeAnyOtherWayWithdrawsIt() throws Exception {
        String c = underNotice(idNumber(), idNumber());
        String notice = noticeId(c);
        step(c, Tokens.liqiao(), action("REJECT", "reason", "经核实收入超过标准"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sentNotices("noticeId", notice).stream()
                .anyMatch(n -> "WITHDRAWN".equals(n.path("event").asText())));
        // a new notice after a new review gets a new id
        sql("update case_file set status = 'REVIEW' where id = ?::uuid", c);
        step(c, Tokens.liqiao(), action("START_PUBLIC_NOTICE"));
        assertFalse(notice.equals(noticeOf(c)));
    }
}
