package cn.scanforhelp.console.posters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The posters page against the real intake-service (its poster API, with the user's token) and its divisions: an
 * officer creates a village poster, sees its scans and applications, downloads its PDF and withdraws it after a
 * confirmation; prints every village of 利桥镇 as one PDF whose every page's QR code opens a poster of a 利桥镇
 * village; a bad form comes back with intake's messages; a township reviewer sees the own township's posters only
 * and cannot create; other roles get the 403 page.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeServiceProcess.class, restrictToAnnotatedClass = true)
class PostersPageTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String LIQIAO = "620503114";
    static final String BASE_URL = "https://sfh.example.cn/h/"; // IntakeServiceProcess's sfh.public-base-url

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOfficerCreatesAVillagePosterSeesItsScansAndApplicationsPrintsAndWithdrawsIt() throws Exception {
        WebSession officer = WebSession.signedIn(base.toString(), "officer");
        WebSession.Page list = officer.get("/posters");
        assertEquals(200, list.status(), list.body());
        assertNotNull(list.doc().selectFirst("nav a#nav-posters[href=/posters]"), "linked in the navigation");
        assertNotNull(list.doc().selectFirst("#f-division option[value=" + LIQIAO + "]"), "townships to filter by");
        assertNull(list.doc().selectFirst("#divisionCode option[value=620503114201]"), "villages once a township is chosen");

        // a village poster: the township chosen in the filter first, then its villages are offered
        WebSession.Page filtered = officer.get("/posters?division=" + LIQIAO);
        Element village = filtered.doc().selectFirst("#divisionCode option[value=620503114201]");
        assertNotNull(village, filtered.doc().select("#create-form").outerHtml());
        assertTrue(village.text().contains("蔚明"), village.text());
        String label = "村口小卖部" + UUID.randomUUID().toString().substring(0, 4);
        WebSession.Page created = officer.submit(filtered, "#create-form",
                Map.of("divisionCode", "620503114201", "label", label));
        assertEquals(200, created.status(), created.body());
        String code = created.uri().getQuery().replaceAll(".*created=([0-9A-Z]+).*", "$1");
        assertTrue(created.text("#posters-notice").contains(code), created.text("#posters-notice"));
        Element row = created.doc().selectFirst("tr#poster-" + code);
        assertNotNull(row, "listed, the township's filter kept");
        assertTrue(row.text().contains("蔚明") && row.text().contains(label), row.text());

        // two scans and one application through the poster's form, as residents make them at intake
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(IntakeServiceProcess.url() + "/h/" + code))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "扫码甲");
        form.put("idNumber", Cases.idNumber());
        form.put("phone", "139" + String.format("%08d", (int) (Math.random() * 100_000_000)));
        form.put("difficulty", "HOUSING");
        form.put("householdSize", "2");
        form.put("description", "房屋漏雨");
        form.put("consent", "on");
        form.put("idempotencyKey", UUID.randomUUID().toString());
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> applied = http.send(HttpRequest.newBuilder(URI.create(IntakeServiceProcess.url() + "/h/"
                + code)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, applied.statusCode(), applied.body());

        WebSession.Page counted = officer.get("/posters?division=620503114201");
        Element r = counted.doc().selectFirst("tr#poster-" + code);
        assertEquals("2", r.selectFirst("td.n-scans").text());
        assertEquals("1", r.selectFirst("td.n-applications").text());
        Element table = counted.doc().selectFirst("table#t-posters");
        assertEquals("chart-posters", table.attr("data-chart"), "drawn as a bar chart when JavaScript runs");
        assertNotNull(counted.doc().selectFirst("#chart-posters[aria-hidden=true]"));
        assertNotNull(counted.doc().selectFirst("script[src=/static/dashboard.js]"));
        assertNotNull(counted.doc().selectFirst("script[src=/webjars/echarts/dist/echarts.min.js]"));

        // the poster's PDF, through the console: its QR code is the poster's address
        WebSession.Binary pdf = officer.bytes("/posters/" + code + "/poster.pdf");
        assertEquals(200, pdf.status());
        assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(BASE_URL + code, qr(doc, 0));
        }

        // withdrawn after a confirmation page; without the CSRF token nothing happens
        WebSession.Page confirm = officer.get("/posters/" + code + "/withdraw");
        assertEquals(200, confirm.status(), confirm.body());
        assertTrue(confirm.text("#poster-facts").contains(label), confirm.text("#poster-facts"));
        assertNotNull(confirm.doc().selectFirst("#withdraw-form input[name=csrf-token]"));
        WebSession.Page forged = officer.post("/posters/" + code + "/withdraw", Map.of());
        assertTrue(forged.status() == 400 || forged.status() == 403, "no CSRF token: refused " + forged.status());
        assertTrue(intake("/api/v1/posters/" + code, Tokens.officer()).path("active").asBoolean(), "still in use");
        WebSession.Page withdrawn = officer.submit(confirm, "#withdraw-form", Map.of());
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertTrue(withdrawn.text("#posters-notice").contains(code), withdrawn.body());
        assertFalse(intake("/api/v1/posters/" + code, Tokens.officer()).path("active").asBoolean());
        WebSession.Page after = officer.get("/posters?division=620503114201&active=false");
        Element gone = after.doc().selectFirst("tr#poster-" + code);
        assertNotNull(gone, "listed among the withdrawn");
        assertNull(gone.selectFirst("a.withdraw"), "no second withdrawal offered");
        assertTrue(gone.text().matches(".*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*"),
                "created and withdrawn times: " + gone.text());
    }

    @Test
    void aBatchOfLiqiaosVillagesIsOnePdfWhosePagesEachOpenAPosterOfALiqiaoVillage() throws Exception {
        WebSession officer = WebSession.signedIn(base.toString(), "officer");
        WebSession.Page page = officer.get("/posters");
        assertNotNull(page.doc().selectFirst("#batch-form select#township option[value=" + LIQIAO + "]"));
        assertEquals("村委会公告栏", page.doc().selectFirst("#batch-form #batchLabel").attr("value"), "where village posters hang");
        Set<String> villages = new HashSet<>();
        for (JsonNode d : intake("/api/v1/divisions?parent=" + LIQIAO, Tokens.officer())) {
            if (d.path("active").asBoolean() && "village".equals(d.path("level").asText())) {
                villages.add(d.path("code").asText());
            }
        }
        assertTrue(villages.size() >= 5, villages.toString());

        String csrf = page.doc().selectFirst("#batch-form input[name=csrf-token]").attr("value");
        HttpResponse<byte[]> batch = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "posters/batch")).header("Cookie", officer.cookieHeader())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                        + "&township=" + LIQIAO + "&batchLabel=" + URLEncoder.encode("村委会公告栏", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, batch.statusCode(), new String(batch.body(), StandardCharsets.UTF_8));
        assertTrue(batch.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        assertTrue(batch.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals(String.valueOf(villages.size()), batch.headers().firstValue("X-Poster-Count").orElse(""));

        Set<String> covered = new HashSet<>();
        try (PDDocument doc = Loader.loadPDF(batch.body())) {
            assertEquals(villages.size(), doc.getNumberOfPages());
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                String url = qr(doc, i);
                assertTrue(url.startsWith(BASE_URL), url);
                JsonNode poster = intake("/api/v1/posters/" + url.substring(BASE_URL.length()), Tokens.officer());
                String division = poster.path("divisionCode").asText();
                assertTrue(villages.contains(division), "page " + (i + 1) + ": a poster of a 利桥镇 village, not " + division);
                covered.add(division);
            }
        }
        assertEquals(villages, covered, "every village once");
    }

    @Test
    void aBadFormComesBackWithIntakesMessagesAtItsFields() {
        WebSession officer = WebSession.signedIn(base.toString(), "officer");
        WebSession.Page page = officer.get("/posters");
        WebSession.Page bad = officer.submit(page, "#create-form", Map.of("divisionCode", LIQIAO, "label", ""));
        assertEquals(400, bad.status(), bad.body());
        assertNotNull(bad.doc().selectFirst("#error-summary a[href=#label]"), bad.body());
        assertEquals("true", bad.doc().selectFirst("#label").attr("aria-invalid"));
        assertNotNull(bad.doc().selectFirst("#divisionCode option[value=" + LIQIAO + "][selected]"), "the choice kept");

        WebSession.Page none = officer.submit(page, "#batch-form", Map.of("township", "", "batchLabel", "公告栏"));
        assertEquals(400, none.status(), none.body());
        assertNotNull(none.doc().selectFirst("#error-summary a[href=#township]"), none.body());
        assertEquals("公告栏", none.doc().selectFirst("#batchLabel").attr("value"));

        WebSession.Page english = WebSession.signedIn(base.toString(), "officer").language("en").get("/posters");
        assertEquals("QR posters", english.text("h1"));
    }

    @Test
    void aTownshipReviewerSeesTheOwnTownshipsPostersOnlyAndOtherRolesNone() throws Exception {
        String liqiao = create(LIQIAO, "利桥镇政府门口");
        String dangchuan = create("620503116", "党川镇政府门口");
        WebSession reviewer = WebSession.signedIn(base.toString(), "liqiao");
        WebSession.Page own = reviewer.get("/posters");
        assertEquals(200, own.status(), own.body());
        assertNotNull(own.doc().selectFirst("tr#poster-" + liqiao));
        assertNull(own.doc().selectFirst("tr#poster-" + dangchuan), "another township's poster is not listed");
        assertNull(own.doc().selectFirst("#create-form"), "creating is the officer's");
        assertNull(own.doc().selectFirst("#batch-form"));
        assertNull(own.doc().selectFirst("a.withdraw"));
        assertEquals(200, reviewer.bytes("/posters/" + liqiao + "/poster.pdf").status());
        assertEquals(404, reviewer.bytes("/posters/" + dangchuan + "/poster.pdf").status());
        assertEquals(403, reviewer.get("/posters/" + liqiao + "/withdraw").status());

        WebSession operator = new WebSession(base.toString());
        operator.signIn("operator");
        WebSession.Page refused = operator.get("/posters");
        assertEquals(403, refused.status());
        assertNull(refused.doc().selectFirst("a#nav-posters"));
    }

    static String create(String division, String label) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                IntakeServiceProcess.url() + "/api/v1/posters")).header("Authorization", "Bearer " + Tokens.officer())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"divisionCode\":\"" + division + "\",\"label\":\"" + label + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("code").asText();
    }

    static JsonNode intake(String path, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                IntakeServiceProcess.url() + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** The QR code of a PDF page, rendered as a printer would at 100 dpi (PDFBox) and read with ZXing. */
    static String qr(PDDocument doc, int page) throws Exception {
        var image = new PDFRenderer(doc).renderImageWithDPI(page, 100);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
