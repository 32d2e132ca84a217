package cn.scanforhelp.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.BrowserScript;
import cn.scanforhelp.console.CaseServiceProcess;
import cn.scanforhelp.console.Cases;
import cn.scanforhelp.console.IntakeServiceProcess;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The walk-in window (一门受理) in a real headless Chromium at 1366×768, driven by
 * {@code src/test/browser/window-e2e.js}, against the console, the real intake-service and case-service: a clerk
 * records a WINDOW application, sends the same form again, and prints the receipt, whose QR code is decoded here.
 * Screenshots, the receipt and the script's results land in {@code target/browser/}.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeServiceProcess.class, restrictToAnnotatedClass = true)
class WindowBrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    static JsonNode results;
    static String name;

    synchronized JsonNode run() throws Exception {
        if (results != null) {
            return results;
        }
        BrowserScript browser = BrowserScript.require();
        String chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";
        java.util.Random random = new java.util.Random();
        name = "柜台" + chars.charAt(random.nextInt(chars.length())) + chars.charAt(random.nextInt(chars.length()));
        Path out = browser.out();
        Files.deleteIfExists(out.resolve("receipt.pdf"));
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("base", base.toString().replaceAll("/$", ""));
        cfg.put("name", name);
        cfg.put("idNumber", Cases.idNumber());
        JsonNode read = browser.run("window-e2e.js", cfg, "window-results.json", Duration.ofSeconds(180));
        JsonNode s = read.path("scenarios").path("window");
        assertTrue(s.path("ok").asBoolean(), () -> "window scenario failed: " + s.path("error").asText());
        results = read;
        return read;
    }

    @Test
    void aClerkRecordsAWindowApplicationOnceAndPrintsTheReceiptWhoseQrOpensItsStatusPage() throws Exception {
        JsonNode s = run().path("scenarios").path("window");
        assertTrue(s.path("heading").asText().contains("利桥镇"), s.path("heading").asText());
        List<String> links = new ArrayList<>();
        s.path("errorLinks").forEach(l -> links.add(l.asText()));
        // the phone may stay empty (an applicant without a mobile phone)
        assertEquals(List.of("#name", "#idNumber", "#difficulty", "#consent"), links, "in the page's order");
        String display = s.path("tracking").asText();
        assertTrue(display.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}"), display);
        assertTrue(s.path("received").asText().contains("户口簿复印件") && s.path("received").asText().contains("房屋照片"));
        // the button pressed twice: both posts answer with the same application (one of them "again")
        assertEquals(303, s.path("againStatus").asInt(), s.toString());
        assertEquals("/window/applications/" + display.replace("-", ""),
                URI.create(s.path("againLocation").asText()).getRawPath());
        // the receipt: a PDF whose QR code decodes to the resident's status page of this tracking number
        assertEquals(200, s.path("receiptStatus").asInt());
        assertTrue(s.path("receiptType").asText().startsWith("application/pdf"));
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(Path.of("target/browser/receipt.pdf")))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("受理回执") && text.contains(display), text);
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            assertEquals("https://sfh.example.cn/s?t=" + URLEncoder.encode(display, StandardCharsets.UTF_8), decoded);
        }
        // one case in the township's queue, channel WINDOW
        JsonNode cases = null;
        for (int i = 0; i < 120; i++) {
            cases = queue(name);
            if (cases.path("items").size() > 0) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(1, cases.path("items").size(), cases.toString());
        assertEquals("WINDOW", cases.path("items").get(0).path("channel").asText());
        assertEquals("en", s.path("englishLang").asText());
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsOnTheWindow() throws Exception {
        JsonNode r = run();
        List<String> bad = new ArrayList<>();
        r.path("axe").fields().forEachRemaining(page -> page.getValue().forEach(v -> {
            String impact = v.path("impact").asText();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                bad.add(page.getKey() + ": " + v);
            }
        }));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        for (String page : List.of("window-form-zh", "window-errors-zh", "window-done-zh", "window-form-en")) {
            assertTrue(r.path("axe").has(page), page);
        }
    }

    static JsonNode queue(String text) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(CaseServiceProcess.url() + "/api/v1/cases?text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + Tokens.liqiao())
                .GET().build();
        return JSON.readTree(HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).body());
    }
}
