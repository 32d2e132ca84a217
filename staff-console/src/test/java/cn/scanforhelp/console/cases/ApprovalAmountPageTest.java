package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The APPROVE form of a DIBAO case shows case-service's 补差 (standard, household size, per-capita income, the
 * monthly amount) and prefills it; an amount that differs is refused without a reason (case-service's message at
 * the reason's field, values kept) and accepted with one. Objections filed during the notice are on the case page.
 */
@QuarkusTest
class ApprovalAmountPageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theApproveFormShowsTheComputedAmountAndAnOverrideNeedsAReason() {
        Cases.Opened c = Cases.dibaoNoticeEnded();
        JsonNode amount = Cases.call("GET", "/api/v1/cases/" + c.caseId() + "/amount", Tokens.liqiao(), null);
        BigDecimal computed = new BigDecimal(amount.path("computedYuan").asText());
        assertEquals(0, new BigDecimal("700").compareTo(computed), "(500 − 300 / 2) × 2: " + amount);

        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/APPROVE");
        assertNotNull(form.doc().selectFirst("#amount"), form.text("#notice"));
        String box = form.text("#amount");
        assertTrue(box.contains("500") && box.contains("150") && box.contains("2"), box);
        assertEquals("700.00 元", form.text("#amount-computed"));
        assertEquals("700.00", form.doc().selectFirst("#a-amount").val(), "prefilled with case-service's amount");
        assertNotNull(form.doc().selectFirst("label[for=a-amountReason]"));
        // the SMS preview says what the real SMS of a monthly type says
        assertTrue(form.text("#sms-preview-text").contains("每月") && form.text("#sms-preview-text").contains("按月发放"),
                form.text("#sms-preview"));

        WebSession.Page refused = s.submit(form, "#action-form", Map.of("amount", "800", "amountReason", ""));
        assertEquals(400, refused.status());
        assertEquals("true", refused.doc().selectFirst("#a-amountReason").attr("aria-invalid"));
        String error = refused.text("#a-amountReason-error");
        assertTrue(error.contains("700"), "case-service's message names the computed amount: " + error);
        assertTrue(refused.text("#error-summary").contains(error));
        assertEquals("800", refused.doc().selectFirst("#a-amount").val(), "what was typed is kept");
        assertEquals("PUBLIC_NOTICE", Cases.get(c.caseId(), Tokens.liqiao()).path("status").asText(), "not approved");

        WebSession.Page approved = s.submit(refused, "#action-form",
                Map.of("amount", "800", "amountReason", "户主长期服药，每月药费约 100 元"));
        assertEquals(200, approved.status(), approved.text("#notice"));
        JsonNode after = Cases.get(c.caseId(), Tokens.liqiao());
        assertEquals("APPROVED", after.path("status").asText());
        assertEquals(0, new BigDecimal("800").compareTo(new BigDecimal(after.path("amountYuan").asText())));
        JsonNode basis = Cases.call("GET", "/api/v1/cases/" + c.caseId() + "/amount", Tokens.liqiao(), null);
        assertEquals("OVERRIDDEN", basis.path("basis").asText());

        WebSession.Page en = s.language("en").get("/cases/" + c.caseId());
        assertEquals(200, en.status());
    }

    @Test
    void theApproveFormTakesTheComputedAmountAsItIs() {
        Cases.Opened c = Cases.dibaoNoticeEnded();
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page form = s.get("/cases/" + c.caseId() + "/actions/APPROVE");
        WebSession.Page approved = s.submit(form, "#action-form",
                Map.of("amount", form.doc().selectFirst("#a-amount").val(), "amountReason", ""));
        assertEquals(200, approved.status(), approved.text("#notice"));
        JsonNode basis = Cases.call("GET", "/api/v1/cases/" + c.caseId() + "/amount", Tokens.liqiao(), null);
        assertEquals("COMPUTED", basis.path("basis").asText());
    }

    @Test
    void objectionsFiledDuringTheNoticeAreOnTheCasePageAndTheirReadIsAudited() {
        Cases.Opened c = Cases.dibaoUnderNotice();
        WebSession s = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page none = s.get("/cases/" + c.caseId());
        assertNotNull(none.doc().selectFirst("#objections-none"), none.doc().select("#objections-title ~ *").outerHtml());

        Cases.object(c.caseId(), "该户在镇上开有商铺，有经营性收入");
        WebSession.Page page = s.get("/cases/" + c.caseId());
        var row = page.doc().selectFirst("#objections tbody tr");
        assertNotNull(row, page.doc().select("#objections-title ~ *").outerHtml());
        assertEquals("该户在镇上开有商铺，有经营性收入", row.selectFirst(".objection-text").text());
        assertEquals("REINVESTIGATION", row.attr("data-outcome"));
        assertTrue(row.text().contains("已退回重新调查"), row.text());
        assertTrue(row.selectFirst("th").text().matches(".*\\d{2}:\\d{2}.*"), "when it was filed");
        assertTrue(!page.body().contains("13912345678") && !page.body().contains("王某"), "no objector's contact");
        boolean audited = false;
        for (JsonNode e : Cases.audit(c.caseId())) {
            audited |= "READ_OBJECTIONS".equals(e.path("action").asText()) && "liqiao".equals(e.path("actor").asText());
        }
        assertTrue(audited, "case-service audited the read");

        WebSession.Page en = s.language("en").get("/cases/" + c.caseId());
        assertTrue(en.text("#objections").contains("Sent back to investigation"));
    }
}
