package cn.scanforhelp.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.notification.message.SmsMessage;
import cn.scanforhelp.notification.message.SmsStatus;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /internal/v1/events/batch}: one result per event, each event once, the SMS sent. */
@QuarkusTest
class BatchEventsTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    final TestSmsc smsc = TestSmsc.get();

    static ValidatableResponse postBatch(Object body) {
        return given().auth().oauth2(Tokens.caseService()).contentType(ContentType.JSON).body(body)
                .post("/internal/v1/events/batch").then();
    }

    @Test
    void newRepeatedAndInvalidEventsEachGetTheirOwnResultAndTakeEffectOnce() throws Exception {
        String phoneA = Events.phone();
        String phoneB = Events.phone();
        String phoneC = Events.phone();
        Map<String, Object> a = Events.event("RECEIVED", phoneA);
        Map<String, Object> c = Events.event("ACCEPTED", phoneC);
        // c came singly before (a delivery the relay repeats after a lost answer)
        String cId = Events.post(c).statusCode(202).extract().path("notificationId");
        Map<String, Object> badPhone = Events.event("RECEIVED", "12345");
        Map<String, Object> unknownType = Events.event("NO_SUCH_TYPE", phoneB);
        Map<String, Object> b = Events.event("MATERIALS_REQUESTED", phoneB);
        b.put("materials", List.of("户口簿复印件"));
        List<Object> batch = List.of(a, c, badPhone, unknownType, "not an event", b, a);

        JsonPath first = postBatch(batch).statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(first.getList("results.status", Integer.class)).containsExactly(200, 200, 400, 400, 400, 200, 200);
        assertThat(first.getList("results.problem", String.class)).containsExactly(null, null,
                "urn:scan-for-help:problem:validation-failed", "urn:scan-for-help:problem:validation-failed",
                "urn:scan-for-help:problem:validation-failed", null, null);
        assertThat(duplicates(first)).containsExactly(false, true, null, null, null, false, true);
        String aId = first.getString("results[0].body.notificationId");
        assertThat(first.getString("results[1].body.notificationId")).isEqualTo(cId);
        assertThat(first.getString("results[6].body.notificationId")).isEqualTo(aId); // the same event twice in one call

        // the whole batch again, as a relay would after losing the answer: nothing new
        JsonPath again = postBatch(batch).statusCode(200).extract().jsonPath();
        assertThat(again.getList("results.status", Integer.class)).isEqualTo(first.getList("results.status", Integer.class));
        assertThat(duplicates(again)).containsExactly(true, true, null, null, null, true, true);
        assertThat(again.getString("results[0].body.notificationId")).isEqualTo(aId);

        // the SMS of the new events go out (woken by the batch as by a single event), each once
        await().atMost(WAIT).until(() -> status(aId) == SmsStatus.SENT
                && status(first.getString("results[5].body.notificationId")) == SmsStatus.SENT);
        await().atMost(WAIT).until(() -> smsc.submitsTo(phoneC).size() == 1);
        Thread.sleep(1500); // more than a poll: a second send would show by now
        assertThat(smsc.submitsTo(phoneA)).hasSize(1);
        assertThat(smsc.submitsTo(phoneC)).hasSize(1);
        assertThat(smsc.submitsTo(phoneB)).hasSize(2); // MATERIALS_REQUESTED is two parts; the invalid one nothing
        assertThat(smsc.submitsTo("12345")).isEmpty();
        assertThat(rows(a.get("eventId"))).isEqualTo(1);
        assertThat(rows(unknownType.get("eventId"))).isZero();
    }

    @Test
    void aBatchOfAHundredIsStoredAndSent() {
        List<Map<String, Object>> batch = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String phone = Events.phone();
            phones.add(phone);
            batch.add(Events.event("RECEIVED", phone));
        }
        postBatch(batch).statusCode(200).body("results.size()", equalTo(100));
        await().atMost(WAIT).until(() -> phones.stream().allMatch(p -> smsc.submitsTo(p).size() == 1));
    }

    @Test
    void emptyOrOversizedBatchesAreRefusedWhole() {
        postBatch(List.of()).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:validation-failed"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Events.event("RECEIVED", Events.phone()));
        }
        postBatch(tooMany).statusCode(400).contentType("application/problem+json");
        postBatch(Map.of("eventId", UUID.randomUUID().toString())).statusCode(400)
                .contentType("application/problem+json");
        assertThat(rows(tooMany.get(0).get("eventId"))).isZero();
    }

    @Test
    void onlyServiceAccountsMayPostBatches() {
        List<Map<String, Object>> batch = List.of(Events.event("RECEIVED", Events.phone()));
        given().contentType(ContentType.JSON).body(batch).post("/internal/v1/events/batch").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(batch)
                .post("/internal/v1/events/batch").then().statusCode(403).contentType("application/problem+json");
        assertThat(rows(batch.get(0).get("eventId"))).isZero();
    }

    /** Each result's body.duplicate, null where the result has no body. */
    static List<Boolean> duplicates(JsonPath answer) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < answer.getList("results").size(); i++) {
            out.add(answer.get("results[" + i + "].body.duplicate"));
        }
        return out;
    }

    static SmsStatus status(String id) {
        return QuarkusTransaction.requiringNew().call(() -> SmsMessage.<SmsMessage>findById(UUID.fromString(id)).status);
    }

    static long rows(Object eventId) {
        return QuarkusTransaction.requiringNew().call(() -> SmsMessage.count("eventId", UUID.fromString((String) eventId)));
    }
}
