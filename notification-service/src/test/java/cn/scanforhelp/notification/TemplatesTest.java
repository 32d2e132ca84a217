package cn.scanforhelp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.scanforhelp.notification.event.CaseEvent;
import cn.scanforhelp.notification.event.EventType;
import cn.scanforhelp.notification.sending.Segments;
import cn.scanforhelp.notification.template.SmsTemplates;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every template, rendered with the longest realistic values, fits two segments (134), most one (70). */
@QuarkusTest
class TemplatesTest {

    @Inject
    SmsTemplates templates;

    static CaseEvent longest(EventType type) {
        // intake's tracking numbers have 11 characters (6BP98QEHYQW)
        return new CaseEvent(UUID.randomUUID(), type, UUID.randomUUID().toString(), "6BP98QEHYQW", "620503114",
                "马跑泉镇东岔镇街道", // longer than any township name of the district
                "0938-27312345", "13812345678", false, cn.scanforhelp.infra.testing.TestClock.now(), LocalDate.of(2026, 12, 31),
                "INCOME_ABOVE_STANDARD", java.util.List.of("户口簿", "身份证", "收入证明", "残疾证", "医疗费用票据", "银行卡复印件",
                        "房产证明"),
                "人力资源和社会保障局", new BigDecimal("12345"), LocalDate.of(2026, 12, 31));
    }

    @Test
    void everyTemplateFitsTwoSegmentsWithTheLongestValues() {
        for (EventType t : EventType.values()) {
            String text = templates.render(longest(t));
            assertThat(text).as(t.name()).startsWith("【麦积区民政局】").contains("6BP98QEHYQW")
                    .contains("0938-27312345").doesNotContain("{").doesNotContain("null");
            assertThat(text.length()).as(t + ": " + text).isLessThanOrEqualTo(2 * Segments.PART);
            assertThat(Segments.count(text)).as(t.name()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theFirstMessageFitsOneSegmentWithTypicalValues() {
        CaseEvent e = new CaseEvent(UUID.randomUUID(), EventType.RECEIVED, "c", "K7QM4HXP2R", "620503114", "利桥镇",
                "0938-2731234", "13812345678", false, null, LocalDate.of(2026, 12, 2), null, null, null, null, null);
        String text = templates.render(e);
        assertThat(text).hasSizeLessThanOrEqualTo(Segments.SINGLE).contains("12月2日").contains("利桥镇");
    }

    @Test
    void mostMessagesFitOneSegmentWithTypicalValues() {
        for (EventType t : new EventType[] {EventType.RECEIVED, EventType.ACCEPTED, EventType.EXTENDED,
                EventType.PUBLIC_NOTICE, EventType.APPROVED, EventType.EMERGENCY_AID, EventType.REFERRED,
                EventType.CLOSED}) {
            CaseEvent e = new CaseEvent(UUID.randomUUID(), t, "c", "6BP98QEHYQW", "620503114", "利桥镇",
                    "0938-2731234", "13812345678", false, null, LocalDate.of(2026, 12, 2), null, null, "医疗保障局",
                    new BigDecimal("650"), LocalDate.of(2026, 12, 9));
            String text = templates.render(e);
            assertThat(text.length()).as(t + ": " + text).isLessThanOrEqualTo(Segments.SINGLE);
        }
    }

    @Test
    void refusalsStateTheReasonAndHowToAskForReview() {
        for (EventType t : new EventType[] {EventType.NOT_ACCEPTED, EventType.REJECTED}) {
            String text = templates.render(longest(t));
            assertThat(text).contains("原因：家庭收入高于当地标准").contains("申请复核").contains("行政复议");
        }
    }

    @Test
    void materialsAreListedOnceJoinedAndShortened() {
        CaseEvent e = new CaseEvent(UUID.randomUUID(), EventType.MATERIALS_REQUESTED, "c", "K7QM4HXP2R", "620503114",
                "利桥镇", "0938-2731234", "13812345678", false, null, LocalDate.of(2026, 12, 2), null,
                java.util.List.of("户口簿复印件", "户口簿复印件", "收入证明"), null, null, null);
        assertThat(templates.render(e)).contains("材料：户口簿复印件、收入证明。");
        assertThat(templates.render(longest(EventType.MATERIALS_REQUESTED))).contains("材料：户口簿、身份证、收入证明、残疾证等。");
    }

    @Test
    void closedInvitesASatisfactionRating() {
        assertThat(templates.render(longest(EventType.CLOSED))).contains("回复数字1-5");
    }

    @Test
    void missingOptionalValuesStillReadWell() {
        CaseEvent e = new CaseEvent(UUID.randomUUID(), EventType.APPROVED, "c", "K7QM4HXP2R", "620503114", "利桥镇",
                null, "13812345678", false, null, null, null, null, null, null, null);
        assertThat(templates.render(e)).contains("已批准，救助金").contains("咨询12345");
    }
}
