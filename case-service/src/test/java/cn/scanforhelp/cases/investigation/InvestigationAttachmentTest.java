package cn.scanforhelp.cases.investigation;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.investigation;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.recordInvestigation;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Photos and scanned forms: type by content, size (256 KB in tests, sfh.attachments.max-size), the virus-scan
 * hook (the tests' scanner refuses EICAR), encrypted at rest, reads audited.
 */
@QuarkusTest
class InvestigationAttachmentTest {

    static final byte[] JPEG = bytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'},
            "照片内容 photo of the kitchen");
    static final byte[] PNG = bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "IHDR...");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n签字 核对表 %%EOF".getBytes(StandardCharsets.UTF_8);

    static byte[] bytes(byte[] head, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String investigating() {
        String c = open("620503114");
        step(c, Tokens.liqiao(), action("ACCEPT"));
        step(c, Tokens.liqiao(), action("CLASSIFY", "type", "DIBAO"));
        return c;
    }

    static Response upload(String c, String type, byte[] content) {
        return given().auth().oauth2(Tokens.liqiao()).contentType(type).queryParam("fileName", "核对表.pdf")
                .body(content).post("/api/v1/cases/" + c + "/investigation/attachments");
    }

    @Test
    void photosAndScansAreStoredEncryptedAndReadBackAudited() throws Exception {
        String c = investigating();
        String jpeg = upload(c, "image/jpeg", JPEG).then().statusCode(201).body("mediaType", equalTo("image/jpeg"))
                .body("sizeBytes", equalTo(JPEG.length)).extract().path("id");
        upload(c, "image/png", PNG).then().statusCode(201).body("mediaType", equalTo("image/png"));
        // octet-stream: the content decides
        upload(c, "application/octet-stream", PDF).then().statusCode(201).body("mediaType", equalTo("application/pdf"))
                .body("fileName", equalTo("核对表.pdf"));
        try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = db.prepareStatement("select content_enc, file_name_enc from investigation_attachment"
                        + " where case_id = ?")) {
            ps.setObject(1, UUID.fromString(c));
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                    assertTrue(rs.getString(1).startsWith("k1:2:"));
                    assertFalse(rs.getString(1).contains("JFIF") || rs.getString(1).contains("签字"));
                    assertFalse(rs.getString(2).contains("核对表"));
                }
                assertEquals(3, n);
            }
        }
        long reads = count("select count(*) from audit_log where case_id = ? and action = 'READ_ATTACHMENT'",
                UUID.fromString(c));
        byte[] back = given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c + "/investigation/attachments/" + jpeg)
                .then().statusCode(200).contentType("image/jpeg").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        assertArrayEquals(JPEG, back);
        assertEquals(reads + 1, count("select count(*) from audit_log where case_id = ? and action = 'READ_ATTACHMENT'",
                UUID.fromString(c)));
        // listed with the record
        recordInvestigation(c, Tokens.liqiao(), investigation("liqiao", "wangwu")).then().statusCode(201)
                .body("attachments.size()", equalTo(3)).body("attachments.id", hasItem(jpeg));
        // another township: 404, as if it did not exist
        given().auth().oauth2(Tokens.dangchuan()).get("/api/v1/cases/" + c + "/investigation/attachments/" + jpeg)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c + "/investigation/attachments/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void tooLargeIs413() {
        String c = investigating();
        byte[] big = Arrays.copyOf(JPEG, 256 * 1024 + 1);
        upload(c, "image/jpeg", big).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:attachment-too-large"))
                .body("detail", containsString("256 KB"));
        byte[] fits = Arrays.copyOf(JPEG, 256 * 1024);
        upload(c, "image/jpeg", fits).then().statusCode(201);
    }

    @Test
    void theTypeIsJudgedByTheContent() {
        String c = investigating();
        upload(c, "image/gif", "GIF89a....".getBytes(StandardCharsets.US_ASCII)).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:attachment-type-not-accepted"));
        // an executable or a script declared as a photo
        upload(c, "image/jpeg", "MZ\u0090\u0000 this program".getBytes(StandardCharsets.ISO_8859_1)).then().statusCode(415);
        upload(c, "image/png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)).then().statusCode(415);
        // a real JPEG declared as a PDF
        upload(c, "application/pdf", JPEG).then().statusCode(415)
                .body("type", equalTo("urn:scan-for-help:problem:attachment-type-mismatch"));
        upload(c, "image/jpeg", new byte[0]).then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, count("select count(*) from investigation_attachment where case_id = ?", UUID.fromString(c)));
    }

    @Test
    void theVirusScanRefusesEicar() {
        String c = investigating();
        byte[] infected = ("%PDF-1.4\n" + EicarScanner.EICAR + "\n%%EOF").getBytes(StandardCharsets.US_ASCII);
        upload(c, "application/pdf", infected).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:attachment-rejected-by-scan"))
                .body("title", equalTo("附件未通过病毒扫描"));
        assertEquals(0, count("select count(*) from investigation_attachment where case_id = ?", UUID.fromString(c)));
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'ATTACHMENT_REFUSED'",
                UUID.fromString(c)));
    }

    @Test
    void onlyDuringTheInvestigationAndOtherEndpointsKeepTheir64KbLimit() {
        String c = open("620503114");
        upload(c, "image/jpeg", JPEG).then().statusCode(409)
                .body("type", equalTo("urn:scan-for-help:problem:investigation-not-open"));
        // the upload's larger cap is not every endpoint's
        String big = "{\"action\":\"ACCEPT\",\"note\":\"" + "x".repeat(100 * 1024) + "\"}";
        given().auth().oauth2(Tokens.liqiao()).contentType("application/json").header("If-Match", "\"1\"").body(big)
                .post("/api/v1/cases/" + c + "/actions").then().statusCode(413).contentType("application/problem+json");
    }
}
