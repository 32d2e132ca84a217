package cn.scanforhelp.intake.division;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Any region by data alone: the shipped default is Gansu down to its villages, and an admin loads another
 * region's NBS file for their own division, again and again without harm; what the file no longer has is
 * deactivated, never deleted; hotlines stay; nothing outside the admin's division is written.
 */
@QuarkusTest
class DivisionImportTest {

    /** 青海省 → 西宁市 → 城东区: two subdistricts, two communities in the first. */
    static final String QINGHAI = """
            code,name,level,parent_code
            63,青海省,province,
            6301,西宁市,city,63
            630102,城东区,county,6301
            630102001,东关大街街道,subdistrict,630102
            630102002,清真巷街道,subdistrict,630102
            630102001001,茶园社区居委会,village,630102001
            630102001002,德令哈路社区居委会,village,630102001
            """;

    @Inject
    DataSource ds;

    private static String qinghaiAdmin() {
        return Tokens.user("qh-admin").roles("admin").division("63").sign();
    }

    private static ValidatableResponse upload(String token, String csv) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/divisions/import").then();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theShippedDefaultIsGansuDownToItsVillages() throws SQLException {
        // other tests add a village or two: at least what NBS lists
        long maiji = count("select count(*) from division where code like '620503%' and level = 'village'");
        long gansu = count("select count(*) from division where code like '62%' and level = 'village'");
        assertTrue(maiji >= 420 && maiji < 425, "Maiji's villages: " + maiji);
        assertTrue(gansu >= 17_718 && gansu < 17_723, "Gansu's villages: " + gansu);
        given().queryParam("parent", "620503114").queryParam("level", "village").get("/api/v1/divisions").then()
                .statusCode(200).body("name", hasItem("利桥村委会"));
    }

    @Test
    void anotherProvincesFileIsLoadedAgainWithoutHarmAndWhatItDropsIsDeactivated() throws SQLException {
        upload(qinghaiAdmin(), QINGHAI).statusCode(200).body("added", equalTo(7)).body("deactivated", equalTo(0))
                .body("roots", contains("630102"));
        upload(qinghaiAdmin(), QINGHAI).statusCode(200).body("added", equalTo(0)).body("changed", equalTo(0))
                .body("deactivated", equalTo(0)).body("unchanged", equalTo(7));
        given().queryParam("parent", "630102001").get("/api/v1/divisions").then().statusCode(200)
                .body("name", hasItem("茶园社区居委会"));

        // the district publishes a hotline; the next year's file renames a subdistrict and drops a community
        String etag = given().get("/api/v1/divisions/630102002").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(qinghaiAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"hotlines\":[\"0971-8123456\"]}").put("/api/v1/divisions/630102002").then().statusCode(200);
        String next = QINGHAI.replace("清真巷街道", "清真巷新街道").replace("630102001002,德令哈路社区居委会,village,630102001\n", "");
        upload(qinghaiAdmin(), next).statusCode(200).body("changed", equalTo(1)).body("deactivated", equalTo(1));
        given().get("/api/v1/divisions/630102002").then().statusCode(200).body("name", equalTo("清真巷新街道"))
                .body("hotlines", contains("0971-8123456"));
        given().get("/api/v1/divisions/630102001002").then().statusCode(200).body("active", equalTo(false));
        given().queryParam("parent", "630102001").get("/api/v1/divisions").then().statusCode(200)
                .body("code", not(hasItem("630102001002")));
        // it comes back with the file that has it again
        upload(qinghaiAdmin(), QINGHAI).statusCode(200).body("reactivated", equalTo(1)).body("changed", equalTo(1));
        assertEquals(4, count("select count(*) from staff_audit where action = 'IMPORT_DIVISIONS' and actor = 'qh-admin'"
                + " and subject = '630102'"));
    }

    @Test
    void nothingOutsideTheAdminsDivisionIsWritten() throws SQLException {
        long before = count("select count(*) from division");
        // Maiji's admin: its ancestors may be named (unchanged); another county may not
        upload(Tokens.admin(), """
                code,name,level,parent_code
                62,甘肃省,province,
                6205,天水市,city,62
                620502,秦州区,county,6205
                620502001,大城街道,subdistrict,620502
                """).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("code 620502")).body("errors.field", hasItem("code 620502001"));
        assertEquals(before, count("select count(*) from division"));
        given().auth().oauth2(Tokens.officer()).contentType("text/csv; charset=UTF-8").body(QINGHAI.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/divisions/import").then().statusCode(403);
    }

    @Test
    void aBadFileIsRefusedLineByLineAndNothingIsWritten() throws SQLException {
        long before = count("select count(*) from division");
        upload(qinghaiAdmin(), "编码,名称\n63,青海省\n").statusCode(400).body("errors[0].field", equalTo("line 1"))
                .body("errors[0].message", equalTo("第一行应为表头 code,name,level,parent_code"));
        upload(qinghaiAdmin(), """
                code,name,level,parent_code
                63,青海省,province,
                630,西宁市,city,63
                6302,海东市,town,63
                6303,,city,63
                630401,某县,county,6304
                """).statusCode(400)
                .body("errors.field", contains("line 3: code", "line 4: level", "line 5: name", "code 630401: parent_code"));
        upload(qinghaiAdmin(), "").statusCode(400);
        given().auth().oauth2(qinghaiAdmin()).contentType("text/csv").body(new byte[] {'c', (byte) 0xff, (byte) 0xfe})
                .post("/api/v1/divisions/import").then().statusCode(400)
                .body("type", equalTo("urn:scan-for-help:problem:division-file-encoding"));
        assertEquals(before, count("select count(*) from division"));
        upload(qinghaiAdmin(), "code,name,level,parent_code\n").statusCode(400).body("errors", hasSize(1));
    }
}
