package cn.scanforhelp.intake.application;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Default limits: 30 look-ups per address per 10 min, 5 submissions per phone per day. */
@QuarkusTest
class RateLimitTest {

    @Inject
    AgroalDataSource db;

    @Test
    void lookupsPerAddressAreLimitedWithRetryAfter() throws Exception {
        for (int i = 0; i < 30; i++) {
            given().header("X-Forwarded-For", "10.250.1.7").contentType(ContentType.JSON).body(unknownNumber())
                    .post("/api/v1/applications/lookup").then().statusCode(404);
        }
        Response r = given().header("X-Forwarded-For", "10.250.1.7").contentType(ContentType.JSON).body(unknownNumber())
                .post("/api/v1/applications/lookup");
        r.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:too-many-requests"));
        long retryAfter = Long.parseLong(r.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600);
        // another address is not affected
        given().header("X-Forwarded-For", "10.250.1.8").contentType(ContentType.JSON).body(unknownNumber())
                .post("/api/v1/applications/lookup").then().statusCode(404);
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from rate_limit_counter where bucket like '%10.250%'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "no raw address stored");
        }
    }

    /** A different number each time: one number's wrong answers are limited too (LookupLockTest). */
    static String unknownNumber() {
        return "{\"trackingNumber\":\"" + TrackingNumbers.generate() + "\",\"phoneLast4\":\"1234\"}";
    }

    @Test
    void submissionsPerPhoneAreLimited() {
        String phone = phone();
        for (int i = 0; i < 5; i++) {
            resident().body(application(idNumber(), phone)).post("/api/v1/applications").then().statusCode(202);
        }
        resident().body(application(idNumber(), phone)).post("/api/v1/applications").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void submissionsPerAddressAreLimited() {
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", "10.251.0.1").contentType(ContentType.JSON).body(application())
                    .post("/api/v1/applications").then().statusCode(202);
        }
        given().header("X-Forwarded-For", "10.251.0.1").contentType(ContentType.JSON).body(application())
                .post("/api/v1/applications").then().statusCode(429);
    }
}
