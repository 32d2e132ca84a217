package cn.scanforhelp.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.scanforhelp.notification.event.CaseEvent;
import cn.scanforhelp.notification.event.EventType;
import cn.scanforhelp.notification.reply.SmsReply;
import cn.scanforhelp.notification.support.CaseServiceStub;
import cn.scanforhelp.notification.support.Events;
import cn.scanforhelp.notification.support.TestSmsc;
import cn.scanforhelp.notification.template.SmsTemplates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SMS texts that say what is true: one-off or monthly, the resident's own date, and a rating only when asked. */
@QuarkusTest
class TruthfulSmsTest {

    @Inject
    SmsTemplates templates;

    static CaseEvent event(EventType type, BigDecimal amount, String payment, LocalDate materialsDueOn,
            Boolean ratingRequested) {
        return new CaseEvent(UUID.randomUUID(), type, "c", "6BP98QEHYQW", "620503114", "利桥镇", "0938-2731234",
                "13812345678", false, null, LocalDate.of(2026, 12, 2), null, List.of("户口簿复印件"), null, amount, null,
                payment, null, materialsDueOn, ratingRequested);
    }

    @Test
    void aTemporaryApprovalIsAOneOffPayment() {
        String text = templates.render(event(EventType.APPROVED, new BigDecimal("2000"), "ONE_OFF", null, null));
        assertThat(text).contains("2000元").contains("一次性").doesNotContain("每月").doesNotContain("按月");
    }

    @Test
    void dibaoAndTekunAreMonthlyWithTheMonthlyAmount() {
        String text = templates.render(event(EventType.APPROVED, new BigDecimal("400.00"), "MONTHLY", null, null));
        assertThat(text).contains("每月400元").contains("按月发放");
        assertThat(text.length()).isLessThanOrEqualTo(70);
    }

    @Test
    void theMaterialsSmsGivesTheResidentsDueDateNotTheStatutoryClock() {
        String text = templates.render(event(EventType.MATERIALS_REQUESTED, null, null, LocalDate.of(2026, 10, 15),
                null));
        assertThat(text).contains("请于10月15日前").doesNotContain("12月2日");
    }

    @Test
    void withdrawalAndObjectionAreTold() {
        assertThat(templates.render(event(EventType.WITHDRAWN, null, null, null, null))).contains("撤回");
        assertThat(templates.render(event(EventType.OBJECTION_RECORDED, null, null, null, null))).contains("异议")
                .contains("重新核查");
    }

    @Test
    void aClosingAfterARefusalAsksNoRatingAndAReplyIsNotForwarded() throws Exception {
        assertThat(templates.render(event(EventType.CLOSED, null, null, null, false))).doesNotContain("回复数字")
                .doesNotContain("评价");
        assertThat(templates.render(event(EventType.CLOSED, null, null, null, true))).contains("回复数字1-5");

        String phone = Events.phone();
        Map<String, Object> closed = Events.event("CLOSED", phone);
        closed.put("ratingRequested", false);
        String caseId = (String) closed.get("caseId");
        Events.post(closed).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmsc.get().submitsTo(phone).size() == 1);
        TestSmsc.get().mo(phone, "1");
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SmsReply.count("caseId", caseId)) == 1);
        Thread.sleep(1500);
        CaseServiceStub.server().verify(0, postRequestedFor(urlEqualTo("/internal/v1/cases/" + caseId + "/satisfaction")));
    }
}
