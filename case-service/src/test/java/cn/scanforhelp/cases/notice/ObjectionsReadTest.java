package cn.scanforhelp.cases.notice;

import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reviewer reads the objections filed against a case's public notice: when, the text, what each did; scoped
 * like every case read (another township's reviewer gets a 404) and audited (the text may carry personal data).
 */
@QuarkusTest
class ObjectionsReadTest {

    static void file(String notice, String text, String receivedAt) {
        given().auth().oauth2(Tokens.intakeService()).contentType(ContentType.JSON)
                .body(Map.of("eventId", UUID.randomUUID().toString(), "name", "王某", "contact", "13912345678",
                        "text", text, "receivedAt", receivedAt))
                .post("/internal/v1/notices/" + notice + "/objections").then().statusCode(204);
    }

    @Test
    void theReviewerReadsTheObjectionsWithWhatTheyDidAndTheReadIsAudited() {
        String c = PublicNoticeEventsTest.underNotice(idNumber(), idNumber());
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c + "/objections").then().statusCode(200)
                .body("$", hasSize(0));
        String notice = PublicNoticeEventsTest.noticeOf(c);
        file(notice, "该户在镇上开有商铺，有经营性收入", "2026-11-25T11:00:00+08:00");
        file(notice, "再次异议：家中有车", "2026-11-25T11:05:00+08:00");
        long reads = count("select count(*) from audit_log where case_id = ?::uuid and action = 'READ_OBJECTIONS'", c);
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c + "/objections").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].text", equalTo("该户在镇上开有商铺，有经营性收入"))
                .body("[0].outcome", equalTo("REINVESTIGATION"))
                .body("[0].named", equalTo(true))
                .body("[0].receivedAt", org.hamcrest.Matchers.startsWith("2026-11-25T"))
                .body("[1].text", equalTo("再次异议：家中有车"))
                .body("[1].outcome", equalTo("KEPT"))
                .body("[0].contact", org.hamcrest.Matchers.nullValue())
                .body("[0].name", org.hamcrest.Matchers.nullValue());
        assertEquals(reads + 1,
                count("select count(*) from audit_log where case_id = ?::uuid and action = 'READ_OBJECTIONS'", c));
        // scoped: 党川镇's reviewer does not see 利桥镇's case; the district officer does
        given().auth().oauth2(Tokens.dangchuan()).get("/api/v1/cases/" + c + "/objections").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer()).get("/api/v1/cases/" + c + "/objections").then().statusCode(200)
                .body("$", hasSize(2));
        // a hotline operator has no such read; a bad id is a 404 problem, not a 500
        given().auth().oauth2(Tokens.operator()).get("/api/v1/cases/" + c + "/objections").then().statusCode(403);
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + UUID.randomUUID() + "/objections").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
