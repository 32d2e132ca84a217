package cn.scanforhelp.cases.events;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.cases.DownstreamResource;
import cn.scanforhelp.infra.testing.Tokens;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Events leave through the outbox relay, in order, with a service token and the phone decrypted. */
@QuarkusTest
class OutboundEventsTest {

    @Test
    void stepsReachNotificationInOrderAndStatusReachesIntake() {
        Map<String, Object> app = application("620503114", idNumber());
        String c = open(app);
        step(c, Tokens.liqiao(), action("REQUEST_MATERIALS", "materials", List.of("户口簿复印件", "医院诊断证明")));
        step(c, Tokens.liqiao(), action("RECEIVE_MATERIALS"));
        step(c, Tokens.liqiao(), action("ACCEPT"));
        var wm = DownstreamResource.server();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlEqualTo("/internal/v1/events"))
                    .withRequestBody(matchingJsonPath("$.caseId", containing(c))));
            assertEquals(List.of("RECEIVED", "MATERIALS_REQUESTED", "ACCEPTED"), sent.stream()
                    .map(r -> io.restassured.path.json.JsonPath.from(r.getBodyAsString()).getString("type")).toList());
        });
        wm.verify(postRequestedFor(urlEqualTo("/internal/v1/events"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(matchingJsonPath("$.caseId", containing(c)))
                .withRequestBody(matchingJsonPath("$.type", containing("MATERIALS_REQUESTED")))
                .withRequestBody(matchingJsonPath("$.phone", containing("13812345678")))
                .withRequestBody(matchingJsonPath("$.materials[1]", containing("医院诊断证明")))
                .withRequestBody(matchingJsonPath("$.trackingNumber", containing((String) app.get("trackingNumber")))));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> wm.verify(postRequestedFor(
                urlEqualTo("/internal/v1/applications/" + app.get("applicationId") + "/status"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(matchingJsonPath("$.status", containing("ACCEPTED")))
                .withRequestBody(matchingJsonPath("$.caseId", containing(c)))));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "select count(*) from outbox_event where aggregate_id = ? and delivered_at is null", c) == 0);
    }
}
