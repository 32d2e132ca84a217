package cn.scanforhelp.intake.personal;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.crypto.BindingMigration;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Every personal value is bound to its table, column and row: a ciphertext copied onto another application
 * (to redirect its look-up, or to swap an ID number) no longer decrypts; staff see the field blank, the
 * resident's look-up matches nothing, and nothing of the other row leaks. Values written before the
 * binding are rewritten bound by the V56 migration's code and read as before.
 */
@QuarkusTest
class RowBindingTest {

    @Inject
    AgroalDataSource db;
    @Inject
    FieldCipher cipher;

    @Test
    void aCiphertextCopiedFromAnotherApplicationReadsBlankNeverAsTheOtherPersonsValue() throws SQLException {
        String phoneA = phone();
        String phoneB = phone();
        Response a = resident().body(application(idNumber(), phoneA)).post("/api/v1/applications");
        String idA = a.path("applicationId");
        String idB = resident().body(application(idNumber(), phoneB)).post("/api/v1/applications").path("applicationId");
        for (String column : new String[] {"applicant_name", "id_number", "phone", "description_enc"}) {
            String stored = value("select " + column + " from application where id = ?::uuid", idA);
            assertTrue(FieldCipher.isBound(stored), column + " is written bound: " + FieldCipher.keyIdOf(stored));
        }
        given().auth().oauth2(Tokens.officer()).get("/api/v1/applications/" + idA).then().statusCode(200)
                .body("phone", equalTo(phoneA.substring(0, 3) + "****" + phoneA.substring(7)));

        // someone with write access to the table moves B's phone and ID number onto A
        update("update application set phone = (select phone from application where id = ?::uuid), "
                + "id_number = (select id_number from application where id = ?::uuid) where id = ?::uuid", idB, idB, idA);

        given().auth().oauth2(Tokens.officer()).get("/api/v1/applications/" + idA).then().statusCode(200)
                .body("phone", equalTo("")).body("idNumber", equalTo(""))
                .body("applicantName", equalTo("张*三")).body("description", equalTo("丈夫住院，医药费负担重"))
                .body(not(containsString(phoneB.substring(7))));
        // the resident's look-up with B's last digits finds nothing (the same 404 as wrong digits)
        resident().body("{\"trackingNumber\":\"" + a.path("trackingNumber") + "\",\"phoneLast4\":\""
                        + phoneB.substring(7) + "\"}").post("/api/v1/applications/lookup").then().statusCode(404)
                .contentType("application/problem+json");
        // B itself still reads as before
        given().auth().oauth2(Tokens.officer()).get("/api/v1/applications/" + idB).then().statusCode(200)
                .body("phone", equalTo(phoneB.substring(0, 3) + "****" + phoneB.substring(7)));
    }

    @Test
    void valuesWrittenBeforeTheBindingAreRewrittenBoundByTheMigration() throws SQLException {
        String phone = phone();
        String id = resident().body(application(idNumber(), phone)).post("/api/v1/applications").path("applicationId");
        // as versions before V56 wrote it: the key id alone as associated data
        update("update application set phone = ?, applicant_name = ? where id = ?::uuid", cipher.encrypt(phone),
                cipher.encrypt("李四"), id);
        given().auth().oauth2(Tokens.officer()).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("applicantName", equalTo("李*")); // still readable
        // a damaged value no key opens stays as it is, and stops neither the migration nor the other rows
        String damaged = resident().body(application(idNumber(), phone())).post("/api/v1/applications")
                .path("applicationId");
        update("update application set applicant_name = 'k1:x' where id = ?::uuid", damaged);

        try (Connection c = db.getConnection()) {
            assertTrue(BindingMigration.run(c, IntakeEncryptedColumns.class) >= 1);
        }
        assertEquals("k1:x", value("select applicant_name from application where id = ?::uuid", damaged));
        assertTrue(FieldCipher.isBound(value("select phone from application where id = ?::uuid", id)));
        assertTrue(FieldCipher.isBound(value("select applicant_name from application where id = ?::uuid", id)));
        given().auth().oauth2(Tokens.officer()).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("applicantName", equalTo("李*"))
                .body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
    }

    String value(String query, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, id);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next(), query);
            return rs.getString(1);
        }
    }

    void update(String statement, String... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            assertEquals(1, ps.executeUpdate());
        }
    }
}
