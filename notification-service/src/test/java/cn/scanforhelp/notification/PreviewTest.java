package cn.scanforhelp.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff see the SMS of a step before they take it: the preview is the text that is later sent. */
@QuarkusTest
class PreviewTest {

    @Test
    void thePreviewIsTheTextTheResidentGets() {
        String phone = Events.phone();
        String tn = "P" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Map<String, Object> e = Events.event("MATERIALS_REQUESTED", phone);
        e.put("trackingNumber", tn);
        e.put("materials", List.of("户口簿", "医院诊断证明", "近三个月的银行流水单", "残疾证"));
        Map<String, Object> preview = new HashMap<>(e);
        preview.remove("eventId");
        preview.remove("caseId");
        preview.remove("phone");
        preview.remove("divisionCode");
        preview.remove("urgent");
        preview.remove("occurredAt");
        String text = given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(preview)
                .post("/api/v1/notifications/preview").then().statusCode(200)
                .body("text", containsString("户口簿、医院诊断证明等")).body("parts", equalTo(2))
                .extract().path("text");
        Events.post(e).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmsc.get().submitsTo(phone).size() == 2);
        String sent = given().auth().oauth2(Tokens.liqiao()).queryParam("trackingNumber", tn)
                .get("/api/v1/notifications").then().statusCode(200).extract().path("messages[0].text");
        assertEquals(text, sent);
        assertEquals(text, TestSmsc.get().submitsTo(phone).get(0).text() + TestSmsc.get().submitsTo(phone).get(1).text());
    }

    @Test
    void anApprovalPreviewSaysMonthlyOrOnceAsTheEventWill() {
        Map<String, Object> p = new HashMap<>();
        p.put("type", "APPROVED");
        p.put("trackingNumber", "K7QM4HXP2R");
        p.put("townshipName", "利桥镇");
        p.put("amountYuan", 700);
        p.put("payment", "MONTHLY");
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(p)
                .post("/api/v1/notifications/preview").then().statusCode(200)
                .body("text", containsString("每月700元按月发放"));
        p.put("payment", "ONE_OFF");
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(p)
                .post("/api/v1/notifications/preview").then().statusCode(200)
                .body("text", containsString("临时救助金700元一次性发放"));
        p.put("payment", "WEEKLY");
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(p)
                .post("/api/v1/notifications/preview").then().statusCode(400);
    }

    @Test
    void anOverLongDepartmentIsRefusedNamingTheField() {
        Map<String, Object> p = new HashMap<>();
        p.put("type", "REFERRED");
        p.put("trackingNumber", "K7QM4HXP2R");
        p.put("townshipName", "利桥镇");
        p.put("department", "天水市麦积区医疗保障局城乡居民医疗保险待遇审核科");
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(p)
                .post("/api/v1/notifications/preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("department")));
        // nobody without a staff role
        given().contentType(ContentType.JSON).body(p).post("/api/v1/notifications/preview").then().statusCode(401);
    }
}
