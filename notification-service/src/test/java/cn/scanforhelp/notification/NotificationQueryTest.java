package cn.scanforhelp.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff see every SMS of an application in their division, phone masked. */
@QuarkusTest
class NotificationQueryTest {

    @Test
    void reviewerSeesMessagesOfTheirTownshipOnlyWithPhoneMasked() {
        String phone = Events.phone();
        String tn = "Q" + Long.toString(System.nanoTime(), 36).toUpperCase();
        for (String type : new String[] {"RECEIVED", "MATERIALS_REQUESTED"}) {
            Map<String, Object> e = Events.event(type, phone);
            e.put("trackingNumber", tn);
            Events.post(e).statusCode(202);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmsc.get().submitsTo(phone).size() == 3);
        String body = given().auth().oauth2(Tokens.liqiao()).queryParam("trackingNumber", tn)
                .get("/api/v1/notifications").then().statusCode(200)
                .body("trackingNumber", equalTo(tn))
                .body("messages", hasSize(2))
                .body("messages.eventType", org.hamcrest.Matchers.contains("RECEIVED", "MATERIALS_REQUESTED"))
                .body("messages.phone", everyItem(matchesPattern("^137\\*{4}[0-9]{4}$")))
                .body("messages[0].text", startsWith("【麦积区民政局】您的救助申请已收到"))
                .body("messages[0].attempts", equalTo(1))
                .body("messages[1].parts", equalTo(2))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString(phone)));
        given().auth().oauth2(Tokens.officer()).queryParam("trackingNumber", tn).get("/api/v1/notifications")
                .then().statusCode(200).body("messages", hasSize(2));
        given().auth().oauth2(Tokens.dangchuan()).queryParam("trackingNumber", tn).get("/api/v1/notifications")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:notifications-not-found"));
        // both reads are in the append-only staff trail, the refused one is not
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = c.prepareStatement("select string_agg(actor, ',' order by id) from staff_audit"
                        + " where action = 'READ_NOTIFICATIONS' and subject = ?")) {
            ps.setString(1, tn);
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertEquals("liqiao,officer", rs.getString(1));
            SQLException refused = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("update staff_audit set actor = 'nobody'"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusals() {
        given().queryParam("trackingNumber", "K7QM4HXP2R").get("/api/v1/notifications").then().statusCode(401);
        given().auth().oauth2(Tokens.caseService()).queryParam("trackingNumber", "K7QM4HXP2R")
                .get("/api/v1/notifications").then().statusCode(403);
        given().auth().oauth2(Tokens.liqiao()).queryParam("trackingNumber", "bad!").get("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/notifications").then().statusCode(400);
    }

    @Test
    void eventsNeedTheServiceRoleAndValidFields() {
        given().auth().oauth2(Tokens.liqiao()).contentType("application/json")
                .body(Events.event("RECEIVED", Events.phone())).post("/internal/v1/events").then().statusCode(403);
        Map<String, Object> bad = Events.event("RECEIVED", "12345");
        bad.put("trackingNumber", null);
        Events.post(bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("phone", "trackingNumber"))
                .body(not(containsString("12345")));
        Map<String, Object> badType = Events.event("NO_SUCH_TYPE", Events.phone());
        Events.post(badType).statusCode(400);
    }
}
