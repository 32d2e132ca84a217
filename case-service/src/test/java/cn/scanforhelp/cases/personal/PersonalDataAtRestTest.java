package cn.scanforhelp.cases.personal;

import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.etag;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.crypto.Reencryption;
import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Names, descriptions and household details are stored encrypted, and older clear values are moved. */
@QuarkusTest
class PersonalDataAtRestTest {

    @Inject
    Reencryption reencryption;

    static List<Object> row(String query, Object... params) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), query);
                List<Object> out = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.add(rs.getObject(i));
                }
                return out;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static void assertCiphertext(Object stored, String clear) {
        assertTrue(stored instanceof String s && s.startsWith("k1:"), "stored encrypted: " + stored);
        assertFalse(((String) stored).contains(clear));
    }

    @Test
    void aReceivedApplicationLeavesNoNameOrDescriptionInClear() {
        Map<String, Object> app = application("620503114", idNumber());
        app.put("applicant", Map.of("name", "欧阳明月", "idNumber", idNumber(), "phone", "13812345678"));
        String c = open(app);
        List<Object> r = row("select applicant_name, applicant_name_enc, description, description_enc from case_file"
                + " where id = ?", UUID.fromString(c));
        assertNull(r.get(0));
        assertCiphertext(r.get(1), "欧阳明月");
        assertNull(r.get(2));
        assertCiphertext(r.get(3), "住院");
        List<Object> a = row("select description, description_enc from case_application where case_id = ?",
                UUID.fromString(c));
        assertNull(a.get(0));
        assertCiphertext(a.get(1), "住院");
        // staff still read them, masked where masked, and find the case by the whole name
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().statusCode(200)
                .body("applicantName", equalTo("欧**月")).body("description", equalTo("丈夫住院，无力支付医药费"));
        given().auth().oauth2(Tokens.liqiao()).queryParam("text", " 欧阳明月 ").queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).body("items.id", hasItem(c));
    }

    @Test
    void householdDetailsAreStoredEncrypted() {
        String c = open("620503114");
        Map<String, Object> body = Map.of("area", "RURAL", "members", List.of(Map.of("relation", "本人",
                "name", "张小三", "age", 46, "disability", "肢体二级", "health", "慢性肾病", "work", "务农",
                "monthlyIncomeYuan", 640)));
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag(c, Tokens.liqiao()))
                .body(body).put("/api/v1/cases/" + c + "/household").then().statusCode(200);
        List<Object> m = row("select name, health, work, disability, monthly_income_yuan, name_enc, health_enc,"
                + " work_enc, disability_enc, monthly_income_enc from household_member where case_id = ?",
                UUID.fromString(c));
        for (int i = 0; i < 5; i++) {
            assertNull(m.get(i), "clear column " + i);
        }
        assertCiphertext(m.get(5), "张小三");
        assertCiphertext(m.get(6), "肾病");
        assertCiphertext(m.get(9), "640");
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c + "/household").then().statusCode(200)
                .body("members[0].name", equalTo("张*三")).body("members[0].health", equalTo("慢性肾病"))
                .body("members[0].monthlyIncomeYuan", equalTo(640)).body("hint.perCapitaMonthlyIncomeYuan", equalTo(640.0f));
    }

    @Test
    void valuesStillInClearFromAnOlderVersionAreMovedByTheJob() {
        String c = open("620503114");
        UUID id = UUID.fromString(c);
        // as V7 left a row: name and description in clear, nothing encrypted, no name hash
        sql("update case_file set applicant_name = '司马长风', applicant_name_enc = null, applicant_name_hash = null,"
                + " description = '旧版本的描述', description_enc = null where id = ?", id);
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then()
                .body("applicantName", equalTo("司**风")).body("description", equalTo("旧版本的描述"));
        reencryption.runAll(); // (the scheduled run may have been first: the rows tell)
        List<Object> r = row("select applicant_name, applicant_name_enc, applicant_name_hash, description,"
                + " description_enc from case_file where id = ?", id);
        assertNull(r.get(0));
        assertCiphertext(r.get(1), "司马长风");
        assertTrue(r.get(2) != null);
        assertNull(r.get(3));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then()
                .body("applicantName", equalTo("司**风")).body("description", equalTo("旧版本的描述"));
        given().auth().oauth2(Tokens.liqiao()).queryParam("text", "司马长风").get("/api/v1/cases").then()
                .body("items.id", hasItem(c));
        assertEquals(0, reencryption.runAll(), "nothing left behind");
    }
}
