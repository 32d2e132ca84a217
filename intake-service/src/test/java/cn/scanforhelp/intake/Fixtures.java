package cn.scanforhelp.intake;

import static io.restassured.RestAssured.given;

import cn.scanforhelp.intake.application.IdNumbers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data: valid ID numbers and phones never used twice, and a resident's request. */
public final class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 1_000_000));

    private Fixtures() {
    }

    /** A valid 18-character ID number, different from every other this JVM made. */
    public static String idNumber() {
        int n = SEQ.incrementAndGet();
        java.time.LocalDate birth = java.time.LocalDate.of(1950, 1, 1).plusDays(n % 20_000);
        String body = "620503" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", (n / 20_000) % 1000);
        return body + IdNumbers.checkCharacter(body);
    }

    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A resident from an address of their own (the per-address limit is not the subject). */
    public static RequestSpecification resident() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().header("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255))
                .contentType(ContentType.JSON);
    }

    public static String application(String idNumber, String phone) {
        return """
                {"divisionCode":"620503114","applicant":{"name":"张小三","idNumber":"%s","phone":"%s"},
                 "difficulty":"ILLNESS","description":"丈夫住院，医药费负担重","consent":true,
                 "householdSize":3,"urgent":false}""".formatted(idNumber, phone);
    }

    public static String application() {
        return application(idNumber(), phone());
    }
}
