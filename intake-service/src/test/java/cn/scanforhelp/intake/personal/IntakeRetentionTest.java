package cn.scanforhelp.intake.personal;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.scanforhelp.infra.crypto.Reencryption;
import cn.scanforhelp.infra.retention.Retention;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * intake's copy of an application is for the resident's look-up and the hotline's history: once the case has
 * been decided for the retention period, or has not moved for that long (not pursued), its personal values go;
 * a younger one is kept. Idempotency
 * records go after a few days. The re-encryption job then leaves the erased rows alone.
 */
@QuarkusTest
class IntakeRetentionTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Retention retention;

    @Inject
    Reencryption reencryption;

    private String submitted() {
        return resident().body(application(idNumber(), phone())).post("/api/v1/applications").then()
                .statusCode(202).extract().path("applicationId");
    }

    private void sql(String statement, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate(), statement);
        }
    }

    private String value(String query, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, id);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : "<no row>";
        }
    }

    @Test
    void aDecidedApplicationPastThePeriodLosesItsPersonalValues() throws SQLException {
        String expired = submitted();
        String young = submitted();
        String undecided = submitted();
        String abandoned = submitted();
        for (String id : new String[] {expired, young}) {
            sql("update application set status = 'REJECTED' where id = ?::uuid", id);
        }
        sql("update application set status_updated_at = status_updated_at - interval '6 years' where id = ?::uuid", expired);
        // an application nobody took further (no status since) is not pursued: past the period it goes too
        sql("update application set status_updated_at = status_updated_at - interval '6 years' where id = ?::uuid", abandoned);

        retention.runAll();

        String personal = "select concat(applicant_name, id_number, id_number_hash, phone, phone_hash, description,"
                + " description_enc) from application where id = ?::uuid";
        assertEquals("", value(personal, expired));
        assertEquals("", value(personal, abandoned));
        assertNotNull(value("select id_number from application where id = ?::uuid", young));
        assertNotNull(value("select id_number from application where id = ?::uuid", undecided));
        assertEquals("REJECTED", value("select status from application where id = ?::uuid", expired));
        reencryption.runAll();
        assertNull(value("select id_number from application where id = ?::uuid", expired));
    }

    @Test
    void anOldIdempotencyRecordGoes() throws SQLException {
        String id = submitted();
        String count = "select count(*) from idempotency_record where application_id = ?::uuid";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into idempotency_record (channel, idempotency_key, request_hash, application_id, tracking_number,"
                        + " created_at) select 'QR', 'old-' || id, 'x', id, tracking_number, now() - interval '30 days'"
                        + " from application where id = ?::uuid")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        assertEquals("1", value(count, id));
        retention.runAll();
        assertEquals("0", value(count, id));
    }
}
