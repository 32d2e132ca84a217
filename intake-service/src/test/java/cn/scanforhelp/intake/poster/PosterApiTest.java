package cn.scanforhelp.intake.poster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.intake.division.Division;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PosterApiTest {

    @Inject
    DataSource ds;

    @BeforeEach
    void data() throws Exception {
        PosterTestData.ensure(ds);
    }

    static String create(String token, String division, String label) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"" + division + "\",\"label\":\"" + label + "\"}")
                .post("/api/v1/posters")
                .then().statusCode(201)
                .body("code", matchesPattern("^[0-9A-HJKMNP-TV-Z]{6}$"))
                .body("divisionCode", equalTo(division))
                .body("active", equalTo(true))
                .extract().path("code");
    }

    @Test
    void anOfficerCreatesAPosterWhoseQrCodesDecodeToItsUrl() throws Exception {
        String code = create(Tokens.officer(), PosterTestData.LIQIAO, "利桥镇便民服务大厅门口");
        String url = "http://localhost:8081/h/" + code;
        given().auth().oauth2(Tokens.officer()).get("/api/v1/posters/" + code).then().statusCode(200)
                .body("url", equalTo(url)).body("divisionName", equalTo("利桥镇")).body("createdBy", equalTo("officer"));

        for (Integer size : new Integer[] {null, QrCodes.MIN_SIZE}) {
            var req = given().auth().oauth2(Tokens.officer());
            if (size != null) {
                req = req.queryParam("size", size);
            }
            byte[] png = req.get("/api/v1/posters/" + code + "/qr.png").then().statusCode(200)
                    .contentType("image/png").extract().asByteArray();
            assertEquals(url, QrDecoding.decodePng(png), "size " + size);
        }
        String svg = given().auth().oauth2(Tokens.officer()).get("/api/v1/posters/" + code + "/qr.svg")
                .then().statusCode(200).contentType(containsString("image/svg+xml")).extract().asString();
        assertEquals(url, QrDecoding.decodeSvg(svg, 3));
        given().auth().oauth2(Tokens.officer()).queryParam("size", 20).get("/api/v1/posters/" + code + "/qr.png")
                .then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    void thePdfPosterNamesTheTownshipAndHotlineAndItsCodeScansWhenPrinted() throws Exception {
        String code = create(Tokens.officer(), PosterTestData.LIQIAO, "利桥镇卫生院");
        byte[] pdf = given().auth().oauth2(Tokens.officer()).get("/api/v1/posters/" + code + "/poster.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String hotline = hotline(PosterTestData.LIQIAO);
        // for review: the PDF and a rendering of it
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/posters"));
        java.nio.file.Files.write(dir.resolve("poster.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 60),
                    "png", dir.resolve("poster.png").toFile());
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("有困难"), text);
            assertTrue(text.contains("利桥镇"), text);
            assertTrue(text.contains(hotline), text);
            assertTrue(text.contains("低保") && text.contains("临时救助"), text);
            assertTrue(text.contains(code), text);
            assertTrue(text.contains("麦积区民政局"), text);
        }
        // a scan at print resolution, and a rough one (the QR code is then about 200 px wide)
        assertEquals("http://localhost:8081/h/" + code, QrDecoding.decodePdfPage(pdf, 0, 150));
        assertEquals("http://localhost:8081/h/" + code, QrDecoding.decodePdfPage(pdf, 0, 48));
        assertTrue(pdf.length < 400_000, "a one-page poster with a subset font stays small: " + pdf.length);
    }

    @Test
    void villagePostersAndBatchesForEveryTownshipAndEveryVillage() throws Exception {
        create(Tokens.admin(), PosterTestData.LIQIAO + "201", "村委会门口");

        long start = System.nanoTime();
        Response townships = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"620503\",\"level\":\"TOWNSHIP\",\"label\":\"乡镇政府公告栏\"}")
                .post("/api/v1/posters/batch");
        townships.then().statusCode(200).contentType("application/pdf").header("X-Poster-Count", "20");
        System.out.printf("posters: 20 Maiji townships in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        checkPages(townships.asByteArray(), 20, "道北街道", "党川镇");

        start = System.nanoTime();
        Response villages = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"620503\",\"level\":\"VILLAGE\",\"label\":\"村委会公告栏\"}")
                .post("/api/v1/posters/batch");
        long ms = (System.nanoTime() - start) / 1_000_000;
        villages.then().statusCode(200).contentType("application/pdf");
        int count = Integer.parseInt(villages.header("X-Poster-Count"));
        System.out.printf("posters: %d villages in one PDF of %d KB in %d ms%n", count,
                villages.asByteArray().length / 1024, ms);
        assertTrue(count >= 400, "villages: " + count);
        // the limit for a whole county (≈ 400 villages)
        assertTrue(ms < 30_000, "400-village batch took " + ms + " ms");
        checkPages(villages.asByteArray(), count, "利桥镇", null);

        // printing again reuses the posters instead of multiplying them
        Response again = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"620503114\",\"level\":\"VILLAGE\",\"label\":\"村委会公告栏\"}")
                .post("/api/v1/posters/batch");
        assertEquals(String.valueOf(PosterTestData.villages(ds, PosterTestData.LIQIAO)), again.header("X-Poster-Count"));
        long listed = given().auth().oauth2(Tokens.officer()).queryParam("divisionCode", "620503114")
                .queryParam("limit", 500).get("/api/v1/posters").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.label == '村委会公告栏' }").size();
        assertEquals(PosterTestData.villages(ds, PosterTestData.LIQIAO), listed);
    }

    private static void checkPages(byte[] pdf, int pages, String firstName, String lastName) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(pages, doc.getNumberOfPages());
            PDFTextStripper first = new PDFTextStripper();
            first.setStartPage(1);
            first.setEndPage(1);
            String text = first.getText(doc);
            String code = text.replaceAll("(?s).*海报编号 ([0-9A-Z]{6}).*", "$1");
            assertEquals(6, code.length(), text);
            assertEquals("http://localhost:8081/h/" + code, QrDecoding.decodePdfPage(pdf, 0, 72));
            if (lastName != null) {
                assertTrue(text.contains(firstName), text);
                PDFTextStripper last = new PDFTextStripper();
                last.setStartPage(pages);
                last.setEndPage(pages);
                assertTrue(last.getText(doc).contains(lastName));
            }
        }
    }

    @Test
    void scansAreCountedOncePerRequestUnderConcurrencyAndShownInStatistics() throws Exception {
        String code = create(Tokens.officer(), PosterTestData.DANGCHUAN, "党川镇集市");
        int n = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> given().get("/h/" + code).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(Tokens.officer()).queryParam("posterCode", code).get("/api/v1/posters/stats")
                .then().statusCode(200)
                .body("days.size()", equalTo(1))
                .body("days[0].scans", equalTo(n))
                .body("days[0].divisionName", equalTo("党川镇"))
                .body("days[0].active", equalTo(true));
        given().auth().oauth2(Tokens.officer()).get("/api/v1/posters/" + code).then().body("scans", equalTo(n));
        // the township's own reviewer sees it; another township's does not
        given().auth().oauth2(Tokens.dangchuan()).queryParam("posterCode", code).get("/api/v1/posters/stats")
                .then().statusCode(200).body("days[0].scans", equalTo(n));
        given().auth().oauth2(Tokens.liqiao()).queryParam("posterCode", code).get("/api/v1/posters/stats")
                .then().statusCode(200).body("days.size()", equalTo(0));
    }

    @Test
    void eachPosterInTheListCarriesItsApplicationsBesideItsScans() {
        String code = create(Tokens.officer(), PosterTestData.LIQIAO + "203", "申请统计");
        String other = create(Tokens.officer(), PosterTestData.LIQIAO + "203", "申请统计（另一张）");
        given().get("/h/" + code).then().statusCode(200);
        given().get("/h/" + code).then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .header("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255))
                    .formParam("name", "张小三").formParam("idNumber", cn.scanforhelp.intake.Fixtures.idNumber())
                    .formParam("phone", cn.scanforhelp.intake.Fixtures.phone()).formParam("difficulty", "HOUSING")
                    .formParam("householdSize", "3").formParam("description", "房屋漏雨").formParam("consent", "on")
                    .formParam("idempotencyKey", java.util.UUID.randomUUID().toString())
                    .post("/h/" + code).then().statusCode(303);
        }
        given().auth().oauth2(Tokens.officer()).queryParam("divisionCode", PosterTestData.LIQIAO + "203")
                .get("/api/v1/posters").then().statusCode(200)
                .body("items.find { it.code == '" + code + "' }.scans", equalTo(2))
                .body("items.find { it.code == '" + code + "' }.applications", equalTo(2))
                .body("items.find { it.code == '" + other + "' }.applications", equalTo(0));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/posters/" + code).then().statusCode(200)
                .body("applications", equalTo(2));
    }

    @Test
    void aWithdrawnPosterStillOpensTheTownshipsFormAndIsMarkedInStatistics() {
        String code = create(Tokens.officer(), PosterTestData.LIQIAO + "202", "旧海报");
        given().auth().oauth2(Tokens.officer()).post("/api/v1/posters/" + code + "/withdraw").then()
                .statusCode(200).body("active", equalTo(false)).body("withdrawnAt", matchesPattern(".+"));
        given().get("/h/" + code.toLowerCase()).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("利桥镇")).body(containsString("已停用"));
        given().auth().oauth2(Tokens.officer()).queryParam("posterCode", code).get("/api/v1/posters/stats")
                .then().statusCode(200).body("days[0].scans", equalTo(1)).body("days[0].active", equalTo(false));
        given().auth().oauth2(Tokens.officer()).queryParam("active", false).queryParam("divisionCode", "620503114")
                .get("/api/v1/posters").then().statusCode(200).body("items.code", hasItem(code));
    }

    @Test
    void anUnknownCodeGetsAFriendlyPageWithTheHotline() {
        given().get("/h/ZZZZZZ").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("没有找到")).body(containsString("tel:"));
        given().get("/h/<script>").then().statusCode(404).contentType(containsString("text/html"));
    }

    @Test
    void onlyOfficersAndAdminsCreateAndOnlyInTheirDivision() {
        String body = "{\"divisionCode\":\"620503114\",\"label\":\"x\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/posters").then().statusCode(401);
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(body).post("/api/v1/posters")
                .then().statusCode(403);
        String other = Tokens.user("qinzhou").roles("district-officer").division("620502").sign();
        given().auth().oauth2(other).contentType(ContentType.JSON).body(body).post("/api/v1/posters")
                .then().statusCode(400).body("errors[0].code", equalTo("poster.division-out-of-scope"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"620503\",\"label\":\"\"}").post("/api/v1/posters")
                .then().statusCode(400).body("errors.field", hasItem("label"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"620503400\",\"label\":\"开发区\"}").post("/api/v1/posters")
                .then().statusCode(400).body("errors[0].code", equalTo("poster.division-not-served"));
        String code = create(Tokens.officer(), PosterTestData.LIQIAO, "范围测试");
        given().auth().oauth2(other).get("/api/v1/posters/" + code).then().statusCode(404);
    }

    private static String hotline(String code) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ((Division) Division.findById(code)).hotlineList().get(0));
    }
}
