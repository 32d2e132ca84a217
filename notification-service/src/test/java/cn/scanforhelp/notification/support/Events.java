package cn.scanforhelp.notification.support;

import static io.restassured.RestAssured.given;

import cn.scanforhelp.infra.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Case events as case-service sends them (docs/contracts.md). */
public final class Events {

    private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 10_000_000L);

    private Events() {
    }

    /** A fresh mobile number for one test, so the test SMSC's records can be told apart. */
    public static String phone() {
        return "137" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000L);
    }

    public static Map<String, Object> event(String type, String phone) {
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("caseId", UUID.randomUUID().toString());
        e.put("trackingNumber", "K7QM4HXP2R");
        e.put("divisionCode", "620503114");
        e.put("townshipName", "利桥镇");
        e.put("hotline", "0938-2731234");
        e.put("phone", phone);
        e.put("urgent", false);
        e.put("occurredAt", "2026-11-29T09:00:05+08:00");
        e.put("deadline", "2026-12-02");
        return e;
    }

    public static ValidatableResponse post(Map<String, Object> event) {
        return given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON).body(event)
                .post("/internal/v1/events").then();
    }
}
