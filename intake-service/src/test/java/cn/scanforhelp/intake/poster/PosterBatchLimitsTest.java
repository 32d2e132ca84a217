package cn.scanforhelp.intake.poster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poster batch cannot take intake's heap: at most sfh.poster.batch-max pages (100 here; the test data
 * has 400 villages in Maiji, 20 per township), one batch at a time, the PDF through a temporary file.
 */
@QuarkusTest
@TestProfile(PosterBatchLimitsTest.SmallBatches.class)
class PosterBatchLimitsTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sfh.poster.batch-max", "100", "sfh.poster.batch-retry-after", "20");
        }
    }

    @Inject
    DataSource ds;

    @Inject
    PosterBatches batches;

    @BeforeEach
    void data() throws Exception {
        PosterTestData.ensure(ds);
    }

    private static Response batch(String division, String level, String language) {
        return given().auth().oauth2(Tokens.officer()).header("Accept-Language", language)
                .contentType(ContentType.JSON).accept("application/pdf, application/problem+json")
                .body("{\"divisionCode\":\"" + division + "\",\"level\":\"" + level + "\",\"label\":\"村委会公告栏\"}")
                .post("/api/v1/posters/batch");
    }

    @Test
    void aBatchOverTheCapIsRefusedNamingTheCap() throws Exception {
        batch(PosterTestData.COUNTY, "VILLAGE", "zh-CN").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("divisionCode"))
                .body("errors[0].message", equalTo("一次最多制作 100 张海报，请按镇分批"));
        // a township's villages are within it, and no temporary PDF is left behind
        long before = tempPdfs();
        batch(PosterTestData.LIQIAO, "VILLAGE", "zh-CN").then().statusCode(200).contentType("application/pdf")
                .header("X-Poster-Count", String.valueOf(PosterTestData.villages(ds, PosterTestData.LIQIAO)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> tempPdfs() == before);
    }

    @Test
    void oneBatchAtATime() throws Exception {
        batches.enter(); // a batch being printed
        try {
            Response busy = batch(PosterTestData.DANGCHUAN, "VILLAGE", "en");
            busy.then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("urn:scan-for-help:problem:poster-batch-busy"))
                    .body("detail", equalTo("This service prints one batch at a time; try again in 20 seconds."));
            assertEquals("20", busy.header("Retry-After"));
        } finally {
            batches.leave();
        }
        batch(PosterTestData.DANGCHUAN, "VILLAGE", "zh-CN").then().statusCode(200)
                .header("X-Poster-Count", String.valueOf(PosterTestData.villages(ds, PosterTestData.DANGCHUAN)));
    }

    private static long tempPdfs() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("posters-")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
