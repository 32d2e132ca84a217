package cn.scanforhelp.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.notification.reply.SmsReply;
import cn.scanforhelp.notification.support.CaseServiceStub;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages from residents (MO): kept against their latest case; ratings after closing go to case-service. */
@QuarkusTest
class RepliesTest {

    @Inject
    FieldCipher cipher;

    @Test
    void ratingAfterClosingIsForwardedOnceToCaseService() throws Exception {
        String phone = Events.phone();
        Map<String, Object> closed = Events.event("CLOSED", phone);
        String caseId = (String) closed.get("caseId");
        Events.post(closed).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmsc.get().submitsTo(phone).size() == 1);
        assertThat(TestSmsc.get().submitsTo(phone).get(0).text()).contains("回复数字1-5");

        TestSmsc.get().mo("86" + phone, "５分");
        String path = "/internal/v1/cases/" + caseId + "/satisfaction";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> CaseServiceStub.server().verify(1,
                postRequestedFor(urlEqualTo(path)).withHeader("Authorization", matching("Bearer .+"))
                        .withRequestBody(equalToJson("{\"rating\":5}", true, true))));
        TestSmsc.get().mo(phone, "4");
        await().atMost(Duration.ofSeconds(10)).until(() -> replies(caseId).size() == 2);
        Thread.sleep(1500);
        CaseServiceStub.server().verify(1, postRequestedFor(urlEqualTo(path)));
        List<SmsReply> replies = replies(caseId);
        assertThat(replies).extracting(r -> r.rating).containsExactly(5, 4);
        assertThat(replies).extracting(r -> r.forwarded).containsExactly(true, false);
        assertThat(cipher.decrypt(replies.get(0).textEnc)).isEqualTo("５分");
    }

    @Test
    void replyToAnOpenCaseIsStoredNotForwarded() throws Exception {
        String phone = Events.phone();
        Map<String, Object> received = Events.event("RECEIVED", phone);
        String caseId = (String) received.get("caseId");
        Events.post(received).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmsc.get().submitsTo(phone).size() == 1);
        TestSmsc.get().mo(phone, "请问什么时候来调查？");
        await().atMost(Duration.ofSeconds(10)).until(() -> replies(caseId).size() == 1);
        SmsReply r = replies(caseId).get(0);
        assertThat(r.forwarded).isFalse();
        assertThat(r.rating).isNull();
        assertThat(cipher.decrypt(r.textEnc)).isEqualTo("请问什么时候来调查？");
        CaseServiceStub.server().verify(0, postRequestedFor(urlEqualTo("/internal/v1/cases/" + caseId + "/satisfaction")));
    }

    static List<SmsReply> replies(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> SmsReply.<SmsReply>list("caseId = ?1 order by receivedAt",
                caseId));
    }
}
