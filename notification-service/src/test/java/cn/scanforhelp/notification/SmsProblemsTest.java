package cn.scanforhelp.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;

/** The officer's SMS that went wrong: listed, resent once through the real SMSC, marked handled, scoped. */
@QuarkusTest
class SmsProblemsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestSmsc smsc = TestSmsc.get();

    @Test
    void undeliverableMessageIsListedResentOnceAndDelivered() throws Exception {
        String phone = Events.phone();
        String tn = trackingNumber();
        String id = post("ACCEPTED", phone, tn);
        await().atMost(WAIT).until(() -> smsc.submitsTo(phone).size() == 1);
        await().atMost(WAIT).until(() -> "SENT".equals(status(id)));
        smsc.receipt(smsc.submitsTo(phone).get(0), DeliveryReceiptState.UNDELIV);
        await().atMost(WAIT).until(() -> "UNDELIVERABLE".equals(status(id)));

        Map<String, Object> listed = find(Tokens.officer(), "open", id);
        assertThat(listed).isNotNull();
        assertThat(listed).containsEntry("trackingNumber", tn).containsEntry("eventType", "ACCEPTED")
                .containsEntry("status", "UNDELIVERABLE").containsEntry("receiptState", "UNDELIV")
                .containsEntry("receiptError", "001").containsEntry("resent", false).containsEntry("handled", false);
        assertThat(listed.get("sentAt")).isNotNull();
        assertThat(listed.toString()).doesNotContain(phone).doesNotContain(phone.substring(7));

        String resendId = given().auth().oauth2(Tokens.officer()).post("/api/v1/notifications/" + id + "/resend")
                .then().statusCode(201).body("resendOf", equalTo(id)).body("status", equalTo("PENDING"))
                .extract().path("id");
        await().atMost(WAIT).until(() -> smsc.submitsTo(phone).size() == 2);
        assertThat(smsc.submitsTo(phone).get(1).text()).isEqualTo(smsc.submitsTo(phone).get(0).text());
        await().atMost(WAIT).until(() -> "SENT".equals(status(resendId)));
        smsc.receipt(smsc.submitsTo(phone).get(1), DeliveryReceiptState.DELIVRD);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(resendId)));

        given().auth().oauth2(Tokens.officer()).post("/api/v1/notifications/" + id + "/resend")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:sms-already-resent"))
                .body("detail", containsString("重发"));
        assertThat(smsc.submitsTo(phone)).hasSize(2);
        // resent: gone from the open list, shown with its resend in the full one
        assertThat(find(Tokens.officer(), "open", id)).isNull();
        Map<String, Object> all = find(Tokens.officer(), "all", id);
        assertThat(all).containsEntry("resent", true).containsEntry("resentAs", resendId)
                .containsEntry("resendStatus", "DELIVERED");
        assertThat(trail("RESEND_SMS", id)).isEqualTo("officer");
    }

    @Test
    void failedMessageMarkedHandledLeavesTheOpenList() {
        String phone = Events.phone();
        String tn = trackingNumber();
        smsc.refuseNext(1, 0x0B); // invalid destination: refused for good
        String id = post("REJECTED", phone, tn);
        await().atMost(WAIT).until(() -> "FAILED".equals(status(id)));
        assertThat(find(Tokens.liqiao(), "open", id)).containsEntry("status", "FAILED");

        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(Map.of("note", " "))
                .post("/api/v1/notifications/" + id + "/handled").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(Map.of("note", "已电话告知居民"))
                .post("/api/v1/notifications/" + id + "/handled").then().statusCode(200)
                .body("handledBy", equalTo("officer")).body("note", equalTo("已电话告知居民"));
        assertThat(find(Tokens.officer(), "open", id)).isNull();
        assertThat(find(Tokens.officer(), "all", id)).containsEntry("handled", true)
                .containsEntry("handledNote", "已电话告知居民");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(Map.of("note", "again"))
                .post("/api/v1/notifications/" + id + "/handled").then().statusCode(409)
                .body("type", equalTo("urn:scan-for-help:problem:sms-already-handled"));
        given().auth().oauth2(Tokens.officer()).post("/api/v1/notifications/" + id + "/resend").then().statusCode(409);
        assertThat(trail("HANDLE_SMS", id)).isEqualTo("officer");
    }

    @Test
    void anotherDivisionsMessageIsNotFound() {
        String phone = Events.phone();
        smsc.refuseNext(1, 0x0B);
        String id = post("ACCEPTED", phone, trackingNumber());
        await().atMost(WAIT).until(() -> "FAILED".equals(status(id)));
        String otherCounty = Tokens.user("qinzhou").roles("district-officer").division("620502").sign();
        assertThat(find(otherCounty, "all", id)).isNull();
        assertThat(find(Tokens.dangchuan(), "all", id)).isNull();
        given().auth().oauth2(otherCounty).post("/api/v1/notifications/" + id + "/resend").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("没有这条短信"));
        given().auth().oauth2(Tokens.dangchuan()).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .post("/api/v1/notifications/" + id + "/handled").then().statusCode(404);
        assertThat(smsc.submitsTo(phone)).hasSize(0); // refused, never accepted: and not resent
        // a delivered or still-pending message is nothing to resend
        given().auth().oauth2(Tokens.officer()).post("/api/v1/notifications/" + java.util.UUID.randomUUID() + "/resend")
                .then().statusCode(404);
    }

    @Test
    void refusals() {
        given().get("/api/v1/notifications/problems").then().statusCode(401);
        given().auth().oauth2(Tokens.operator()).get("/api/v1/notifications/problems").then().statusCode(403);
        given().auth().oauth2(Tokens.caseService()).get("/api/v1/notifications/problems").then().statusCode(403);
        given().auth().oauth2(Tokens.officer()).queryParam("view", "closed").get("/api/v1/notifications/problems")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer()).queryParam("size", 1000).get("/api/v1/notifications/problems")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/notifications/" + java.util.UUID.randomUUID() + "/handled").then().statusCode(400)
                .body(not(containsString("Exception")));
    }

    private static String post(String type, String phone, String tn) {
        Map<String, Object> e = Events.event(type, phone);
        e.put("trackingNumber", tn);
        e.put("reasonCategory", "NOT_ELIGIBLE");
        return Events.post(e).statusCode(202).extract().path("notificationId");
    }

    private static String trackingNumber() {
        return "P" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    /** The message's entry in the caller's list (every page of up to 100), or null. */
    private static Map<String, Object> find(String token, String view, String id) {
        for (int page = 0; page < 50; page++) {
            JsonPath body = given().auth().oauth2(token).queryParam("view", view).queryParam("page", page)
                    .queryParam("size", 100).get("/api/v1/notifications/problems").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            for (Map<String, Object> item : items) {
                if (id.equals(item.get("id"))) {
                    return item;
                }
            }
            if (items.size() < 100) {
                return null;
            }
        }
        return null;
    }

    private static String status(String id) {
        return query("select status from sms_message where id = ?::uuid", id);
    }

    private static String trail(String action, String subject) {
        return query("select string_agg(actor, ',' order by id) from staff_audit where action = '" + action
                + "' and subject = ?", subject);
    }

    private static String query(String sql, String arg) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
