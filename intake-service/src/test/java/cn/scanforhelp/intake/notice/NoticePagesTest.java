package cn.scanforhelp.intake.notice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.intake.CaseServiceStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 公示 pages: what case-service publishes, for exactly the period, and objections filed on them. */
@QuarkusTest
class NoticePagesTest {

    @Inject
    DataSource ds;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void onlyCaseServiceMayPublishAndOnlyMaskedNamesAreTaken() {
        Map<String, Object> e = Notices.published(UUID.randomUUID(), 7);
        given().auth().oauth2(Tokens.intakeService()).contentType(ContentType.JSON).body(e)
                .post("/internal/v1/notices").then().statusCode(403);
        e.put("maskedName", "张小三");
        given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON).body(e)
                .post("/internal/v1/notices").then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("张小三")));
    }

    @Test
    void thePageShowsTheNoticeForItsPeriodAndNotAMomentLonger() {
        UUID id = UUID.randomUUID();
        Notices.send(Notices.publishedWithExtras(id, 7));
        String list = given().get("/notices/620503114").then().statusCode(200).extract().asString();
        assertTrue(list.contains("/notices/620503114/" + id), list);
        assertTrue(list.contains("张*"));
        String one = given().get("/notices/620503114/" + id).then().statusCode(200).extract().asString();
        assertTrue(one.contains("最低生活保障") && one.contains("860") && one.contains("<svg"), one);
        for (String never : new String[] {Notices.CHILD, Notices.CHILD_ID, Notices.APPLICANT_ID, Notices.PHONE,
                "张小三", "慢性肾病"}) {
            assertFalse(list.contains(never) || one.contains(never), never);
        }
        // another township's page does not show it
        given().get("/notices/620503116/" + id).then().statusCode(404);
        given().get("/notices/620503116").then().statusCode(200).body(not(containsString(id.toString())));

        TestClock.advance(Duration.ofDays(7).plusMinutes(1));
        given().get("/notices/620503114").then().statusCode(200).body(not(containsString(id.toString())));
        given().get("/notices/620503114/" + id).then().statusCode(404);
    }

    @Test
    void aWithdrawnNoticeIsGoneAtOnce() {
        UUID id = UUID.randomUUID();
        Notices.send(Notices.published(id, 7));
        given().get("/notices/620503114/" + id).then().statusCode(200);
        Notices.send(Map.of("eventId", UUID.randomUUID().toString(), "noticeId", id.toString(), "event", "WITHDRAWN",
                "withdrawnAt", TestClock.now().withNano(0).toString()));
        given().get("/notices/620503114/" + id).then().statusCode(404);
        given().get("/notices/620503114").then().statusCode(200).body(not(containsString(id.toString())));
    }

    @Test
    void anObjectionIsForwardedToCaseServiceWithTheServiceToken() throws Exception {
        UUID id = UUID.randomUUID();
        Notices.send(Notices.published(id, 7));
        String path = "/internal/v1/notices/" + id + "/objections";
        CaseServiceStub.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        // a text too long, and none at all: the page again with the errors, nothing filed
        form().header("X-Forwarded-For", "10.251.0.1").formParam("text", "异".repeat(1001))
                .post("/notices/620503114/" + id + "/objections").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("内容太长"));
        form().header("X-Forwarded-For", "10.251.0.1").formParam("name", "王某")
                .post("/notices/620503114/" + id + "/objections").then().statusCode(400)
                .body(containsString("请填写异议内容"));
        form().header("X-Forwarded-For", "10.251.0.1").redirects().follow(false).formParam("contact", "13912345678")
                .formParam("text", "该户在镇上开有商铺").post("/notices/620503114/" + id + "/objections").then()
                .statusCode(303).header("Location", containsString("/notices/620503114/" + id + "?filed=1"));
        // at rest the text and contact are encrypted in the outbox
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and destination = "
                + "'case-service-objections' and payload::text not like '%商铺%' and payload::text not like '%13912345678%'",
                id.toString()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                !CaseServiceStub.server().findAll(postRequestedFor(urlEqualTo(path))).isEmpty());
        var sent = CaseServiceStub.server().findAll(postRequestedFor(urlEqualTo(path))).get(0);
        assertTrue(sent.getHeader("Authorization").startsWith("Bearer "));
        JsonNode body = new ObjectMapper().readTree(sent.getBodyAsString());
        assertEquals("该户在镇上开有商铺", body.path("text").asText());
        assertEquals("13912345678", body.path("contact").asText());
        assertTrue(body.path("name").isNull());
        assertFalse(body.path("eventId").asText().isBlank());
        assertFalse(body.path("receivedAt").asText().isBlank());
    }

    @Test
    void anObjectionPostedFromAnotherSiteIsRefused() {
        UUID id = UUID.randomUUID();
        Notices.send(Notices.published(id, 7));
        form().header("X-Forwarded-For", "10.251.0.20").header("Origin", "https://evil.example").formParam("text", "异议")
                .post("/notices/620503114/" + id + "/objections").then().statusCode(403);
    }

    @Test
    void objectionsFromOneAddressAreLimited() {
        UUID id = UUID.randomUUID();
        Notices.send(Notices.published(id, 7));
        for (int i = 0; i < 5; i++) {
            form().header("X-Forwarded-For", "10.251.0.9").formParam("text", "")
                    .post("/notices/620503114/" + id + "/objections").then().statusCode(400);
        }
        Response r = form().header("X-Forwarded-For", "10.251.0.9").formParam("text", "异议")
                .post("/notices/620503114/" + id + "/objections");
        r.then().statusCode(429).contentType("application/problem+json").header("Retry-After", not(""));
        // another address is not held back
        form().header("X-Forwarded-For", "10.251.0.10").formParam("text", "")
                .post("/notices/620503114/" + id + "/objections").then().statusCode(400);
    }

    static io.restassured.specification.RequestSpecification form() {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    long count(String sql, Object... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
