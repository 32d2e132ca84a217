package cn.scanforhelp.cases.events;

import static cn.scanforhelp.cases.CaseFixtures.investigate;
import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the resident's SMS events say: dates, withdrawal, objections, and when a rating is asked for. */
@QuarkusTest
class ResidentSmsTest {

    static final String LIQIAO = "620503114";

    static long events(String caseId, String type, String where, Object... params) {
        Object[] all = new Object[params.length + 2];
        all[0] = caseId;
        all[1] = type;
        System.arraycopy(params, 0, all, 2, params.length);
        return count("select count(*) from outbox_event where aggregate_id = ? and destination = 'notification-service'"
                + " and event_type = ? and " + where, all);
    }

    @Test
    void materialsSmsCarriesTheResidentsDueDateInWorkingDaysAcrossTheNationalDay() {
        // Thursday 24 September 2026: 中秋 25–27 Sep and 国庆 1–7 Oct are holidays, Saturday 10 Oct a make-up day;
        // 10 working days later is Thursday 15 October
        TestClock.set(LocalDateTime.of(2026, 9, 24, 10, 0));
        try {
            String c = open(LIQIAO);
            step(c, Tokens.liqiao(), action("REQUEST_MATERIALS", "materials", List.of("户口簿复印件")));
            assertEquals(1, events(c, "MATERIALS_REQUESTED", "payload->>'materialsDueOn' = '2026-10-15'"));
            assertEquals(1, count("select count(*) from case_file where id = ? and materials_due_on = '2026-10-15'",
                    UUID.fromString(c)));
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void aWithdrawalIsToldAndItsClosingAsksNoRating() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        step(c, r, action("ACCEPT"));
        step(c, r, action("WITHDRAW", "note", "申请人来电撤回"));
        assertEquals(1, events(c, "WITHDRAWN", "true"));
        step(c, r, action("CLOSE"));
        assertEquals(1, events(c, "CLOSED", "payload->>'ratingRequested' = 'false'"));
    }

    @Test
    void noRatingIsAskedAfterARejectionButAfterAnApproval() {
        String r = Tokens.liqiao();
        String rejected = open(LIQIAO);
        step(rejected, r, action("ACCEPT"));
        step(rejected, r, action("CLASSIFY", "type", "TEMPORARY"));
        investigate(rejected, r);
        step(rejected, r, action("COMPLETE_INVESTIGATION"));
        step(rejected, r, action("REJECT", "reason", "家庭收入高于当地标准", "reasonCategory", "INCOME_ABOVE_STANDARD"));
        step(rejected, r, action("CLOSE"));
        assertEquals(1, events(rejected, "CLOSED", "payload->>'ratingRequested' = 'false'"));

        String notAccepted = open(LIQIAO);
        step(notAccepted, r, action("NOT_ACCEPT", "reason", "非本辖区"));
        step(notAccepted, r, action("CLOSE"));
        assertEquals(1, events(notAccepted, "CLOSED", "payload->>'ratingRequested' = 'false'"));

        String approved = open(LIQIAO);
        step(approved, r, action("ACCEPT"));
        step(approved, r, action("CLASSIFY", "type", "TEMPORARY"));
        investigate(approved, r);
        step(approved, r, action("COMPLETE_INVESTIGATION"));
        step(approved, r, action("APPROVE", "amount", 1200));
        step(approved, r, action("CLOSE"));
        assertEquals(1, events(approved, "CLOSED", "payload->>'ratingRequested' = 'true'"));
    }

    @Test
    void aClosedAlertAsksNoRating() {
        Map<String, Object> app = application(LIQIAO, idNumber());
        app.put("channel", "MONITORING");
        app.put("caseType", "VERIFICATION");
        String c = open(app);
        String r = Tokens.liqiao();
        step(c, r, action("ACCEPT"));
        step(c, r, action("CLASSIFY", "type", "TEMPORARY"));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        step(c, r, action("APPROVE", "amount", 1500));
        step(c, r, action("CLOSE"));
        assertEquals(1, events(c, "CLOSED", "payload->>'ratingRequested' = 'false'"));
    }

    @Test
    void anObjectionIsToldToTheApplicant() {
        String r = Tokens.liqiao();
        String c = open(LIQIAO);
        step(c, r, action("ACCEPT"));
        step(c, r, action("CLASSIFY", "type", "TEKUN"));
        investigate(c, r);
        step(c, r, action("COMPLETE_INVESTIGATION"));
        step(c, r, action("START_PUBLIC_NOTICE"));
        step(c, r, action("RECORD_OBJECTION", "reason", "村民反映有赡养人"));
        assertEquals(1, events(c, "OBJECTION_RECORDED", "true"));
    }
}
