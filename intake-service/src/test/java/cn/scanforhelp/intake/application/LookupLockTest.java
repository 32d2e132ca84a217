package cn.scanforhelp.intake.application;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Guessing the 4 digits of a known tracking number: after 10 wrong answers in a day (China time) the number
 * is locked until midnight, whatever address asks; counted in PostgreSQL, so replicas and restarts share it.
 * Every request here comes from an address of its own, so the per-address limit plays no part.
 */
@QuarkusTest
class LookupLockTest {

    @Inject
    AgroalDataSource db;

    @AfterEach
    void clock() {
        TestClock.reset();
    }

    private static String submit(String phone) {
        return resident().body(application(idNumber(), phone)).post("/api/v1/applications").path("trackingNumber");
    }

    private static String wrong(String phone) {
        return phone.endsWith("0000") ? "1111" : "0000";
    }

    private static Response lookup(String tn, String last4) {
        return resident().body("{\"trackingNumber\":\"" + tn + "\",\"phoneLast4\":\"" + last4 + "\"}")
                .post("/api/v1/applications/lookup");
    }

    @Test
    void theEleventhWrongAnswerIsRefusedEvenFromANewAddress() throws Exception {
        TestClock.set(LocalDateTime.of(2026, 11, 25, 10, 0));
        String phone = phone();
        String tn = submit(phone);
        for (int i = 0; i < 10; i++) {
            lookup(tn, wrong(phone)).then().statusCode(404);
            if (i < 9) {
                // the right answer in between does not count as a failure
                lookup(tn, phone.substring(7)).then().statusCode(200);
            }
        }
        Response locked = lookup(tn, wrong(phone));
        locked.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:lookup-locked"))
                .body("detail", containsString("2026-11-26 00:00"))
                .body("retryAt", equalTo("2026-11-26T00:00+08:00"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertEquals(14 * 3600, retryAfter, 120, "until midnight in China (the test clock runs on)");
        // locked means locked: also the right digits, also in English
        resident().header("Accept-Language", "en").body("{\"trackingNumber\":\"" + tn + "\",\"phoneLast4\":\""
                + phone.substring(7) + "\"}").post("/api/v1/applications/lookup").then().statusCode(429)
                .body("detail", containsString("Try again after 2026-11-26 00:00"));
        // another application is not affected
        String otherPhone = phone();
        lookup(submit(otherPhone), otherPhone.substring(7)).then().statusCode(200);

        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from lookup_failure where tracking_hash like '%"
                        + tn + "%'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "no tracking number stored in clear");
        }

        // the next day (China time) it opens again
        TestClock.set(LocalDateTime.of(2026, 11, 26, 0, 0, 5));
        lookup(tn, phone.substring(7)).then().statusCode(200);
    }

    @Test
    void unknownNumbersAreCountedAndLockedAlike() {
        TestClock.set(LocalDateTime.of(2026, 11, 25, 10, 0));
        String unknown = TrackingNumbers.generate();
        for (int i = 0; i < 10; i++) {
            lookup(unknown, "1234").then().statusCode(404);
        }
        lookup(unknown, "1234").then().statusCode(429)
                .body("type", equalTo("urn:scan-for-help:problem:lookup-locked"));
    }

    @Test
    void theResidentsPageSaysWhenToTryAgain() {
        TestClock.set(LocalDateTime.of(2026, 11, 25, 22, 30));
        String phone = phone();
        String tn = submit(phone);
        for (int i = 0; i < 10; i++) {
            resident().contentType("application/x-www-form-urlencoded").formParam("trackingNumber", tn)
                    .formParam("last4", wrong(phone)).post("/s").then().statusCode(200)
                    .body(containsString("id=\"not-found\""));
        }
        Response page = resident().contentType("application/x-www-form-urlencoded").formParam("trackingNumber", tn)
                .formParam("last4", phone.substring(7)).post("/s");
        page.then().statusCode(429).contentType(containsString("text/html"))
                .body(containsString("id=\"locked\"")).body(containsString("2026-11-26 00:00"))
                .body(org.hamcrest.Matchers.not(containsString("id=\"status-text\"")));
        assertEquals(90 * 60, Long.parseLong(page.header("Retry-After")), 120, "until midnight in China");
        // the JSON look-up shares the count
        lookup(tn, phone.substring(7)).then().statusCode(429);
    }
}
