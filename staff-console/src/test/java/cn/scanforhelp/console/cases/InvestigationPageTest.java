package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The investigation record's page against the real case-service: a plain form, its refusals, the record shown. */
@QuarkusTest
class InvestigationPageTest {

    @TestHTTPResource("/")
    URI base;

    static Map<String, String> visit(String second) {
        Map<String, String> m = new HashMap<>();
        m.put("inv1-user", "liqiao");
        m.put("inv1-name", "李巧");
        m.put("inv2-user", second);
        m.put("inv2-name", second.isEmpty() ? "" : "王五");
        m.put("visitDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        m.put("householdConfirmed", "no");
        m.put("householdNote", "尚未登记家庭成员");
        m.put("wage", "600");
        m.put("netBusiness", "0");
        m.put("netProperty", "0");
        m.put("netTransfer", "150.5");
        m.put("assets", "自建住房一处");
        m.put("findings", "户主患慢性肾病，无劳动能力");
        return m;
    }

    @Test
    void aReviewerRecordsTheVisitOnAPlainFormAndAnotherDecides() {
        Cases.Opened c = Cases.open("620503114", "DIBAO");
        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "ACCEPT"));
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page casePage = s.get("/cases/" + c.caseId());
        assertNotNull(casePage.doc().selectFirst("#investigation-link"));
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/investigation");
        assertEquals(200, form.status());
        assertNotNull(form.doc().selectFirst("#inv-none"));
        assertNotNull(form.doc().selectFirst("#investigation-form input[name=csrf-token]"), "a CSRF token");
        // one investigator: case-service's refusal, in Chinese, at the field
        WebSession.Page one = s.submit(form, "#investigation-form", visit(""));
        assertEquals(400, one.status());
        assertTrue(one.text("#error-summary").contains("至少需要两名不同的调查人员"), one.text("#error-summary"));
        // an amount that is not one
        Map<String, String> bad = visit("wangwu");
        bad.put("wage", "六百");
        WebSession.Page amount = s.submit(one, "#investigation-form", bad);
        assertEquals(400, amount.status());
        assertTrue(amount.text("#error-summary").contains("金额"));
        WebSession.Page saved = s.submit(amount, "#investigation-form", visit("wangwu"));
        assertEquals(200, saved.status());
        assertTrue(saved.uri().toString().contains("saved=1"), saved.uri().toString());
        assertTrue(saved.text("#inv-investigators").contains("王五（wangwu）"), saved.text("#inv-investigators"));
        assertTrue(saved.text("#inv-findings").contains("慢性肾病"));
        assertTrue(saved.body().contains("750.5"), "the total per month");
        // case-service audited the read of the record
        JsonNode audit = Cases.audit(c.caseId());
        assertTrue(StreamSupport.stream(audit.spliterator(), false)
                .anyMatch(e -> "READ_INVESTIGATION".equals(e.path("action").asText())));
        // complete; liqiao investigated, so approval is not hers (four eyes): no APPROVE button after the notice
        Cases.act(c.caseId(), Tokens.liqiao(), Map.of("action", "COMPLETE_INVESTIGATION"));
        JsonNode review = Cases.get(c.caseId(), Tokens.liqiao());
        assertFalse(StreamSupport.stream(review.path("allowedActions").spliterator(), false)
                .anyMatch(a -> "REJECT".equals(a.asText())), review.path("allowedActions").toString());
        assertTrue(StreamSupport.stream(Cases.get(c.caseId(), Tokens.officer()).path("allowedActions").spliterator(), false)
                .anyMatch(a -> "REJECT".equals(a.asText())));
        // no form once the investigation is complete
        assertNull(s.get("/cases/" + c.caseId() + "/investigation").doc().selectFirst("#investigation-form"));
    }
}
