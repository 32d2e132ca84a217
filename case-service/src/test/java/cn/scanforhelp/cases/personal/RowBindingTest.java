package cn.scanforhelp.cases.personal;

import static cn.scanforhelp.cases.CaseFixtures.dibaoUnderEndedNotice;
import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.etag;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.events.Deliveries;
import cn.scanforhelp.cases.notice.NoticeObjection;
import cn.scanforhelp.infra.crypto.BindingMigration;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.outbox.OutboxDelivery;
import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every personal value of a case is bound to its table, column and row: one copied from another case (to
 * send a resident's SMS elsewhere, or to swap an ID number) no longer decrypts. Staff see the field blank,
 * the SMS is parked, never sent, nothing of the other case leaks; values written before are rewritten by V11
 * (V17 for an amount's override reason and the objections filed on a public notice).
 */
@QuarkusTest
class RowBindingTest {

    @Inject
    FieldCipher cipher;
    @Inject
    ObjectMapper mapper;

    static String openWithPhone(String phone) {
        Map<String, Object> app = application("620503114", idNumber());
        app.put("applicant", Map.of("name", "张小三", "idNumber", idNumber(), "phone", phone));
        return open(app);
    }

    @Test
    void aCiphertextCopiedFromAnotherCaseReadsBlankAndIsNeverSentAsTheOtherPersonsPhone() throws Exception {
        String a = openWithPhone("13812340001");
        String b = openWithPhone("13912340002");
        for (String column : List.of("applicant_name_enc", "id_number_enc", "phone_enc", "description_enc")) {
            assertTrue(FieldCipher.isBound(value("select " + column + " from case_file where id = ?", a)), column);
        }
        assertTrue(FieldCipher.isBound(value("select description_enc from case_application where case_id = ?", a)));

        // someone with write access to the table moves B's phone and ID number onto A
        assertEquals(1, sql("update case_file set phone_enc = (select phone_enc from case_file where id = ?), "
                + "id_number_enc = (select id_number_enc from case_file where id = ?) where id = ?",
                UUID.fromString(b), UUID.fromString(b), UUID.fromString(a)));

        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + a).then().statusCode(200)
                .body("phone", equalTo("")).body("idNumber", equalTo("")).body("applicantName", equalTo("张*三"))
                .body(not(containsString("0002")));
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body("{\"reason\":\"核实身份\"}")
                .post("/api/v1/cases/" + a + "/reveal").then().statusCode(200)
                .body("name", equalTo("张小三")).body("phone", equalTo("")).body("idNumber", equalTo(""))
                .body(not(containsString("13912340002")));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + b).then().statusCode(200)
                .body("phone", equalTo("139****0002"));

        // an SMS of A carries A's stored phone: B's does not decrypt as A's, so nothing is sent to B
        String moved = value("select phone_enc from case_file where id = ?", a);
        String payload = mapper.writeValueAsString(Map.of("caseId", a, "phone", moved));
        OutboxDelivery.PermanentDeliveryFailure parked = assertThrows(OutboxDelivery.PermanentDeliveryFailure.class,
                () -> Deliveries.ToNotification.item(mapper, cipher, payload));
        assertTrue(parked.getMessage().contains("case_file.phone_enc of row " + a), parked.getMessage());
        String own = value("select phone_enc from case_file where id = ?", b);
        assertTrue(Deliveries.ToNotification.item(mapper, cipher,
                mapper.writeValueAsString(Map.of("caseId", b, "phone", own))).contains("13912340002"));
    }

    @Test
    void aHouseholdMembersValueCopiedFromAnotherMemberReadsBlank() throws SQLException {
        String c = openWithPhone("13812340003");
        Map<String, Object> body = Map.of("area", "RURAL", "members", List.of(
                Map.of("relation", "本人", "name", "张小三", "idNumber", idNumber(), "health", "慢性肾病", "monthlyIncomeYuan", 100),
                Map.of("relation", "配偶", "name", "李小梅", "work", "务农", "monthlyIncomeYuan", 600)));
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag(c, Tokens.liqiao()))
                .body(body).put("/api/v1/cases/" + c + "/household").then().statusCode(200)
                .body("members[1].name", equalTo("李*梅")).body("hint.perCapitaMonthlyIncomeYuan", equalTo(350.0f));
        assertTrue(FieldCipher.isBound(value("select name_enc from household_member where case_id = ? order by id limit 1", c)));

        // the spouse's income and name are copied onto the applicant's row
        assertEquals(1, sql("update household_member m set name_enc = o.name_enc, monthly_income_enc = o.monthly_income_enc "
                + "from household_member o where o.case_id = m.case_id and o.relation = '配偶' and m.relation = '本人' "
                + "and m.case_id = ?", UUID.fromString(c)));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c + "/household").then().statusCode(200)
                .body("members[0].name", equalTo("")).body("members[0].health", equalTo("慢性肾病"))
                .body("members[1].name", equalTo("李*梅")).body("hint.perCapitaMonthlyIncomeYuan", equalTo(300.0f));
    }

    @Test
    void valuesWrittenBeforeTheBindingAreRewrittenBoundByTheMigration() throws SQLException {
        String c = openWithPhone("13812340004");
        UUID id = UUID.fromString(c);
        // as versions before V11 wrote them: the key id alone as associated data
        sql("update case_file set phone_enc = ?, applicant_name_enc = ?, amount_reason_enc = ? where id = ?",
                cipher.encrypt("13812340004"), cipher.encrypt("王大明"), cipher.encrypt("按实际收入核定"), id);
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().statusCode(200)
                .body("applicantName", equalTo("王*明")).body("phone", equalTo("138****0004"));

        try (Connection conn = DriverManager.getConnection(PostgresResource.jdbcUrl())) {
            assertTrue(BindingMigration.run(conn, CaseEncryptedColumns.class) >= 1);
        }
        assertTrue(FieldCipher.isBound(value("select phone_enc from case_file where id = ?", c)));
        assertEquals("13812340004", cipher.decrypt(value("select phone_enc from case_file where id = ?", c),
                CaseFile.at(CaseFile.PHONE, id)));
        assertTrue(FieldCipher.isBound(value("select amount_reason_enc from case_file where id = ?", c)));
        assertEquals("按实际收入核定", cipher.decrypt(value("select amount_reason_enc from case_file where id = ?", c),
                CaseFile.at(CaseFile.AMOUNT_REASON, id)));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().statusCode(200)
                .body("applicantName", equalTo("王*明")).body("phone", equalTo("138****0004"));
    }

    @Test
    void anObjectionsValuesAreBoundToTheirRowAndColumn() throws SQLException {
        String a = openWithPhone("13812340005");
        String b = openWithPhone("13812340006");
        UUID noticeA = UUID.randomUUID();
        UUID noticeB = UUID.randomUUID();
        sql("update case_file set notice_id = ? where id = ?", noticeA, UUID.fromString(a));
        sql("update case_file set notice_id = ? where id = ?", noticeB, UUID.fromString(b));
        object(noticeA, "王某", "13912345678", "该户开有商铺");
        object(noticeB, "赵某", "13912340000", "该户有车");
        for (String column : List.of("name_enc", "contact_enc", "text_enc")) {
            assertTrue(FieldCipher.isBound(value("select " + column + " from notice_objection where case_id = ?", a)), column);
        }
        UUID rowA = UUID.fromString(value("select id::text from notice_objection where case_id = ?", a));
        assertEquals("该户开有商铺", cipher.decrypt(value("select text_enc from notice_objection where case_id = ?", a),
                NoticeObjection.at(NoticeObjection.TEXT, rowA)));

        // B's text moved onto A's objection, and A's contact into A's name: neither opens there
        assertEquals(1, sql("update notice_objection set text_enc = (select text_enc from notice_objection where case_id = ?), "
                + "name_enc = contact_enc where case_id = ?", UUID.fromString(b), UUID.fromString(a)));
        assertThrows(FieldCipher.Misplaced.class, () -> cipher.decrypt(value(
                "select text_enc from notice_objection where case_id = ?", a), NoticeObjection.at(NoticeObjection.TEXT, rowA)));
        assertThrows(FieldCipher.Misplaced.class, () -> cipher.decrypt(value(
                "select name_enc from notice_objection where case_id = ?", a), NoticeObjection.at(NoticeObjection.NAME, rowA)));
    }

    @Test
    void anAmountsOverrideReasonMovedToAnotherCaseReadsBlank() throws SQLException {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("countyCode", "620503", "area", "RURAL", "year", 2025, "monthlyYuan", 500))
                .put("/api/v1/dibao-standards/620503/RURAL/2025").then().statusCode(200);
        String r = Tokens.liqiao();
        String a = dibaoUnderEndedNotice(r);
        String why = "配偶因病本月无收入";
        step(a, r, action("APPROVE", "amount", 450, "amountReason", why));
        assertTrue(FieldCipher.isBound(value("select amount_reason_enc from case_file where id = ?", a)));
        given().auth().oauth2(r).get("/api/v1/cases/" + a + "/amount").then().statusCode(200)
                .body("overrideReason", equalTo(why));

        String b = dibaoUnderEndedNotice(r);
        step(b, r, action("APPROVE", "amount", 460, "amountReason", "另一理由"));
        assertEquals(1, sql("update case_file set amount_reason_enc = (select amount_reason_enc from case_file where id = ?) "
                + "where id = ?", UUID.fromString(a), UUID.fromString(b)));
        given().auth().oauth2(r).get("/api/v1/cases/" + b + "/amount").then().statusCode(200)
                .body("overrideReason", equalTo("")).body(not(containsString(why)));
    }

    static void object(UUID notice, String name, String contact, String text) {
        given().auth().oauth2(Tokens.intakeService()).contentType(ContentType.JSON)
                .body(Map.of("eventId", UUID.randomUUID().toString(), "name", name, "contact", contact, "text", text,
                        "receivedAt", "2026-11-25T11:00:00+08:00"))
                .post("/internal/v1/notices/" + notice + "/objections").then().statusCode(204);
    }

    static String value(String query, String caseId) throws SQLException {
        try (Connection conn = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = conn.prepareStatement(query)) {
            ps.setObject(1, UUID.fromString(caseId));
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next(), query);
            return rs.getString(1);
        }
    }
}
