package cn.scanforhelp.intake.application;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: an ID number is widely leaked, so anyone can submit in a neighbour's name, each time with
 * another phone and from another address. Public submissions are limited per ID number (3 a day by
 * default, sfh.rate-limit.submit-per-id-number), whatever the phone and the address.
 */
@QuarkusTest
class IdNumberLimitTest {

    @Test
    void theFourthPublicSubmissionOfAnIdNumberInADayIsRefused() {
        String neighbour = idNumber();
        for (int i = 0; i < 3; i++) {
            resident().body(application(neighbour, phone())).post("/api/v1/applications").then().statusCode(202);
        }
        resident().body(application(neighbour, phone())).post("/api/v1/applications").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:scan-for-help:problem:too-many-requests"))
                .body("title", equalTo("请求过于频繁"));
        // another person is not affected
        resident().body(application(idNumber(), phone())).post("/api/v1/applications").then().statusCode(202);
    }
}
