package cn.scanforhelp.console.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.CaseServiceProcess;
import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.IntakeServiceProcess;
import cn.scanforhelp.console.WebSession;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The walk-in window (一门受理) against the real intake-service and case-service: the clerk's form records a
 * WINDOW application once however often it is sent, the receipt's QR code opens the status page of that
 * tracking number, the case carries what the counter received, and a bad form comes back with every error.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeServiceProcess.class, restrictToAnnotatedClass = true)
class WindowPageTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    static List<Map.Entry<String, String>> fields(String name, String idNumber) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("name", name));
        f.add(Map.entry("idNumber", idNumber));
        f.add(Map.entry("phone", "13912345678"));
        f.add(Map.entry("village", "620503114201"));
        f.add(Map.entry("difficulty", "HOUSING"));
        f.add(Map.entry("householdSize", "3"));
        f.add(Map.entry("description", "房屋漏雨，无力修缮"));
        f.add(Map.entry("inPerson", "yes"));
        f.add(Map.entry("idSeen", "yes"));
        f.add(Map.entry("material", "户口簿复印件"));
        f.add(Map.entry("otherMaterials", "房屋照片"));
        f.add(Map.entry("consent", "yes"));
        return f;
    }

    @Test
    void aClerkRecordsOneWindowApplicationAndPrintsItsReceipt() throws Exception {
        WebSession clerk = clerk();
        WebSession.Page form = clerk.get("/window");
        assertEquals(200, form.status(), form.body());
        assertTrue(form.text("h1").contains("利桥镇"), form.text("h1"));
        assertFalse(form.doc().select("#village option[value=620503114201]").isEmpty());
        assertFalse(form.doc().select("input[name=material][value=户口簿复印件]").isEmpty());

        String name = "窗口" + (char) ('甲' + (int) (Math.random() * 20)) + "明";
        String idNumber = Cases.idNumber();
        WebSession.Page done = clerk.submitMulti(form, "#window-form", fields(name, idNumber));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.uri().getPath().startsWith("/window/applications/"), done.uri().toString());
        String display = done.text("#tracking-number");
        String tracking = display.replace("-", "");
        assertTrue(done.text("#received").contains("户口簿复印件") && done.text("#received").contains("房屋照片"));
        assertTrue(done.doc().select("#replayed").isEmpty());

        // the same form sent again (its Idempotency-Key; a CSRF token of a later page, as the console's tokens
        // are checked before the form is read): the same application, nothing new, and the page says so
        String key = form.doc().selectFirst("input[name=idempotencyKey]").attr("value");
        WebSession.Page fresh = clerk.get("/window");
        List<Map.Entry<String, String>> resend = new ArrayList<>();
        resend.add(Map.entry("csrf-token", fresh.doc().selectFirst("input[name=csrf-token]").attr("value")));
        resend.add(Map.entry("idempotencyKey", key));
        resend.addAll(fields(name, idNumber));
        WebSession.Page again = clerk.postMulti("/window", resend);
        assertEquals(display, again.text("#tracking-number"));
        assertFalse(again.doc().select("#replayed").isEmpty(), again.body());

        // the receipt: A4, the tracking number, what the counter received, and a QR code of the status page
        WebSession.Binary pdf = clerk.bytes("/window/applications/" + tracking + "/receipt.pdf");
        assertEquals(200, pdf.status());
        assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertEquals(595, Math.round(doc.getPage(0).getMediaBox().getWidth()));
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("受理回执") && text.contains(display) && text.contains("户口簿复印件"), text);
            assertFalse(text.contains(name), "no personal value on the receipt");
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            assertEquals("https://sfh.example.cn/s?t=" + URLEncoder.encode(display, StandardCharsets.UTF_8), decoded);
        }

        // intake hands it to case-service: one case, channel WINDOW, with what the counter received
        JsonNode cases = null;
        for (int i = 0; i < 120; i++) {
            cases = queue(tracking);
            if (cases.path("items").size() > 0) {
                break;
            }
            Thread.sleep(500);
        }
        assertNotNull(cases);
        assertEquals(1, cases.path("items").size(), cases.toString());
        assertEquals("WINDOW", cases.path("items").get(0).path("channel").asText());
        JsonNode c = Cases.get(cases.path("items").get(0).path("id").asText(), Tokens.liqiao());
        assertEquals(List.of("户口簿复印件", "房屋照片"), JSON.convertValue(c.path("materialsReceived"), List.class));
        assertEquals("chuangkou", c.path("applications").get(0).path("counter").path("recordedBy").asText());
        assertEquals(1, queue(name).path("items").size(), "one application, one case");

        // the reviewer sees what the counter received, and the 一次性告知 checklist does not ask for it again
        String caseId = c.path("id").asText();
        WebSession reviewer = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page casePage = reviewer.get("/cases/" + caseId);
        assertEquals(200, casePage.status());
        assertTrue(casePage.text("[data-counter]").contains("户口簿复印件、房屋照片"), casePage.text("#apps"));
        assertTrue(casePage.text("#apps").contains("窗口受理"), casePage.text("#apps"));
        List<String> allowed = new ArrayList<>();
        c.path("allowedActions").forEach(a -> allowed.add(a.asText()));
        assertTrue(allowed.contains("REQUEST_MATERIALS"), allowed.toString());
        WebSession.Page materials = reviewer.get("/cases/" + caseId + "/actions/REQUEST_MATERIALS");
        assertEquals(200, materials.status());
        List<String> offered = materials.doc().select("fieldset.checklist input[type=checkbox]").eachAttr("value");
        assertFalse(offered.isEmpty(), materials.body());
        assertFalse(offered.contains("户口簿复印件"), offered.toString());
        assertTrue(offered.contains("申请人身份证复印件"), offered.toString());
    }

    @Test
    void anApplicantWithoutAMobilePhoneIsRecordedAndTheCaseSaysCallBack() throws Exception {
        WebSession clerk = clerk();
        WebSession.Page form = clerk.get("/window");
        assertFalse(form.doc().selectFirst("#phone").hasAttr("required"), "the phone may stay empty");
        String name = "无机" + (char) ('甲' + (int) (Math.random() * 20)) + "华";
        List<Map.Entry<String, String>> f = new ArrayList<>(fields(name, Cases.idNumber()));
        f.removeIf(e -> e.getKey().equals("phone"));
        f.add(Map.entry("phone", ""));
        WebSession.Page done = clerk.submitMulti(form, "#window-form", f);
        assertEquals(200, done.status(), done.body());
        String tracking = done.text("#tracking-number").replace("-", "");
        JsonNode cases = null;
        for (int i = 0; i < 120 && (cases == null || cases.path("items").size() == 0); i++) {
            Thread.sleep(cases == null ? 0 : 500);
            cases = queue(tracking);
        }
        assertEquals(1, cases.path("items").size(), cases.toString());
        JsonNode c = Cases.get(cases.path("items").get(0).path("id").asText(), Tokens.liqiao());
        assertEquals("CALL_BACK", c.path("contact").asText(), "no SMS: the township tells the resident by phone");
    }

    /**
     * A clerk who typed an application while the resident talked, and pressed submit after the session ended, is
     * asked to sign in again and gets the form back filled (the ticked materials and the Idempotency-Key too), with
     * nothing recorded until the clerk submits it; before, the sign-in lost everything typed.
     */
    @Test
    void aFormSentAfterTheSessionEndedComesBackFilledAfterSigningInAgain() {
        WebSession clerk = clerk();
        WebSession.Page form = clerk.get("/window");
        String key = form.doc().selectFirst("input[name=idempotencyKey]").attr("value");
        String name = "过期" + (char) ('甲' + (int) (Math.random() * 20)) + "明";
        String idNumber = Cases.idNumber();
        clerk.dropSession();
        WebSession.Page login = clerk.submitMulti(form, "#window-form", fields(name, idNumber));
        assertNotNull(login.doc().selectFirst("form#kc-form-login"), () -> login.status() + " " + login.uri());
        assertFalse(login.body().contains(idNumber), "the values are in no page");

        WebSession.Page back = clerk.login(login, "chuangkou");
        assertEquals(200, back.status(), back.body());
        assertEquals("/window", back.uri().getPath());
        assertTrue(back.text("#notice").contains("登录已过期"), back.text("#notice"));
        assertEquals(name, back.doc().selectFirst("#name").val());
        assertEquals(idNumber, back.doc().selectFirst("#idNumber").val());
        assertEquals(key, back.doc().selectFirst("input[name=idempotencyKey]").val(), "the same application");
        assertFalse(back.doc().select("input[name=material][value=户口簿复印件][checked]").isEmpty(), back.body());
        assertTrue(clerk.cookieNames().stream().noneMatch(n -> n.startsWith("sfh-draft-")), "the kept form is deleted");

        WebSession.Page done = clerk.submitMulti(back, "#window-form", fields(name, idNumber));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.uri().getPath().startsWith("/window/applications/"), done.uri().toString());
        // the same Idempotency-Key: had the expired post been recorded, intake would answer with it (#replayed)
        assertTrue(done.doc().select("#replayed").isEmpty(), "recorded now, not before the sign-in");
    }

    @Test
    void aBadFormComesBackWithEveryErrorAndNothingRecorded() {
        WebSession clerk = clerk();
        WebSession.Page form = clerk.get("/window");
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("idNumber", "620503198001011230"));
        f.add(Map.entry("phone", "12345"));
        f.add(Map.entry("householdSize", "x"));
        WebSession.Page bad = clerk.submitMulti(form, "#window-form", f);
        assertEquals(400, bad.status());
        assertFalse(bad.doc().select("#error-summary a[href=#householdSize]").isEmpty(), bad.body());
        f.set(2, Map.entry("householdSize", "2"));
        bad = clerk.submitMulti(form, "#window-form", f);
        assertEquals(400, bad.status());
        for (String field : List.of("name", "idNumber", "phone", "difficulty", "consent")) {
            assertFalse(bad.doc().select("#error-summary a[href=#" + field + "]").isEmpty(), field + ": " + bad.body());
            assertEquals("true", bad.doc().select("#" + field).attr("aria-invalid"), field);
        }
        assertEquals("12345", bad.doc().select("#phone").attr("value"), "what was typed is kept");
    }

    @Test
    void theWindowIsForClerksAndReviewersOnly() {
        WebSession officer = WebSession.signedIn(base.toString(), "officer");
        assertEquals(403, officer.get("/window").status());
        WebSession reviewer = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page page = reviewer.get("/window");
        assertEquals(200, page.status());
        assertFalse(page.doc().select("nav a[href=/window]").isEmpty());
        WebSession clerk = clerk();
        WebSession.Page own = clerk.get("/window");
        assertTrue(own.doc().select("nav a[href=/]").isEmpty(), "no queue link for a clerk");
        assertEquals(404, clerk.get("/window/applications/K7QM4HXP2RC").status());
    }

    /** The window clerk, signed in from the window (the queue is not hers: it answers 403). */
    WebSession clerk() {
        WebSession s = new WebSession(base.toString());
        WebSession.Page p = s.login(s.get("/window"), "chuangkou");
        assertEquals(200, p.status(), p.body());
        return s;
    }

    static JsonNode queue(String text) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(CaseServiceProcess.url() + "/api/v1/cases?text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + Tokens.liqiao())
                .GET().build();
        HttpResponse<String> resp = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(resp.body());
    }
}
