package cn.scanforhelp.intake.notice;

import static io.restassured.RestAssured.given;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Notice events as case-service sends them (its PublicNoticeEventsTest checks it sends exactly these fields). */
final class Notices {

    static final String TOWNSHIP = "620503114";
    static final String CHILD = "张小宝";
    static final String CHILD_ID = "620503201701011230";
    static final String APPLICANT_ID = "620503198001011237";
    static final String PHONE = "13812345678";

    private Notices() {
    }

    static Map<String, Object> published(UUID noticeId, int days) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", UUID.randomUUID().toString());
        m.put("noticeId", noticeId.toString());
        m.put("event", "PUBLISHED");
        m.put("townshipCode", TOWNSHIP);
        m.put("townshipName", "利桥镇");
        m.put("villageCode", TOWNSHIP + "201");
        m.put("villageName", "花园村");
        m.put("maskedName", "张*");
        m.put("householdSize", 3);
        m.put("assistanceType", "DIBAO");
        m.put("amountYuan", 860);
        m.put("publishedAt", TestClock.now().withNano(0).toString());
        m.put("endsAt", TestClock.now().plusDays(days).withNano(0).toString());
        return m;
    }

    /**
     * The same, with what a notice must never show riding along (as a faulty or older sender might put it):
     * a household with a child of 9, ID numbers, a phone, health. intake keeps only its own fields.
     */
    static Map<String, Object> publishedWithExtras(UUID noticeId, int days) {
        Map<String, Object> m = published(noticeId, days);
        m.put("idNumber", APPLICANT_ID);
        m.put("phone", PHONE);
        m.put("health", "慢性肾病");
        m.put("members", List.of(Map.of("name", "张小三", "idNumber", APPLICANT_ID, "age", 46),
                Map.of("name", CHILD, "idNumber", CHILD_ID, "age", 9)));
        return m;
    }

    static void send(Map<String, Object> event) {
        given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON).body(event)
                .post("/internal/v1/notices").then().statusCode(204);
    }
}
