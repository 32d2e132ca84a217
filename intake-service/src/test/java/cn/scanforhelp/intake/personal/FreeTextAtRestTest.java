package cn.scanforhelp.intake.personal;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.crypto.Reencryption;
import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Residents' descriptions and operators' notes are stored encrypted; older clear values are moved. */
@QuarkusTest
class FreeTextAtRestTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Reencryption reencryption;

    String[] row(String query, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, id);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next(), query);
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    void sql(String statement, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    void anApplicationsDescriptionIsEncryptedAndAnOlderClearOneIsMoved() throws SQLException {
        String id = resident().body(application(idNumber(), phone())).post("/api/v1/applications").then()
                .statusCode(202).extract().path("applicationId");
        String[] r = row("select description, description_enc from application where id = ?::uuid", id);
        assertNull(r[0]);
        assertTrue(r[1].startsWith("k1:") && !r[1].contains("住院"), r[1]);

        sql("update application set description = '旧版本：孩子上学费用高', description_enc = null where id = ?::uuid", id);
        reencryption.runAll();
        r = row("select description, description_enc from application where id = ?::uuid", id);
        assertNull(r[0]);
        assertFalse(r[1].contains("上学"));
        given().auth().oauth2(Tokens.officer()).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("description", equalTo("旧版本：孩子上学费用高"));
    }

    @Test
    void staffReadsOfApplicationsAndCallersAreInTheAppendOnlyTrail() throws SQLException {
        String phone = phone();
        String id = resident().body(application(idNumber(), phone)).post("/api/v1/applications").then()
                .statusCode(202).extract().path("applicationId");
        given().auth().oauth2(Tokens.officer()).get("/api/v1/applications/" + id).then().statusCode(200);
        String[] r = row("select actor, action from staff_audit where subject = ? order by id desc limit 1", id);
        assertEquals("officer", r[0]);
        assertEquals("READ_APPLICATION", r[1]);
        given().auth().oauth2(Tokens.operator()).queryParam("phone", phone).get("/api/v1/hotline/calls").then()
                .statusCode(200);
        r = row("select actor, detail from staff_audit where action = 'SEARCH_CALLER' and actor = ?"
                + " order by id desc limit 1", "operator");
        assertEquals("operator", r[0]);
        assertEquals("0 calls, 1 applications", r[1]);
        try (Connection c = db.getConnection()) {
            ResultSet clear = c.createStatement().executeQuery("select count(*) from staff_audit where subject like '%"
                    + phone.substring(3) + "%' or detail like '%" + phone.substring(3) + "%'");
            clear.next();
            assertEquals(0, clear.getLong(1), "the searched phone is never stored in clear");
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("delete from staff_audit"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }

    @Test
    void anOperatorsNotesAreEncrypted() throws SQLException {
        String phone = phone();
        String call = """
                {"callerPhone":"%s","divisionCode":"620503114","startedAt":"%s","durationSeconds":120,
                 "notes":"来电人称丈夫患尿毒症","outcome":"INQUIRY"}""".formatted(phone,
                TestClock.now().minusMinutes(10).withNano(0));
        String callId = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(call)
                .post("/api/v1/hotline/calls").then().statusCode(201).extract().path("callId");
        String[] r = row("select notes, notes_enc from hotline_call where id = ?::uuid", callId);
        assertNull(r[0]);
        assertTrue(r[1].startsWith("k1:") && !r[1].contains("尿毒症"), r[1]);
        given().auth().oauth2(Tokens.operator()).queryParam("phone", phone).get("/api/v1/hotline/calls").then()
                .statusCode(200).body("calls[0].notes", equalTo("来电人称丈夫患尿毒症"));
    }
}
