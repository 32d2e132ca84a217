package cn.scanforhelp.cases.audit;

import static cn.scanforhelp.cases.CaseFixtures.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the service's database user of production may do after the migrations (db/infra/afterMigrate.sql):
 * work with every table, but neither silence nor rewrite the audit trail, nor touch Flyway's history.
 */
@QuarkusTest
class RuntimeRoleTest {

    @Test
    void theRuntimeUserWorksButCannotDisableOrRewriteTheAuditTrail() throws SQLException {
        String c = open("620503114");
        try (Connection db = DriverManager.getConnection(PostgresResource.runtimeJdbcUrl());
                Statement st = db.createStatement()) {
            var rs = st.executeQuery("select count(*) from case_file where id = '" + c + "'");
            rs.next();
            assertEquals(1, rs.getLong(1));
            st.executeUpdate("update case_file set updated_at = updated_at where id = '" + c + "'");
            st.executeUpdate("insert into audit_log (at, actor, action, case_id) values (now(), 'test', 'READ', '"
                    + c + "')");
            for (String refused : List.of("alter table audit_log disable trigger audit_log_no_update",
                    "drop trigger audit_log_no_update on audit_log", "update audit_log set actor = 'x'",
                    "delete from audit_log", "truncate audit_log", "drop table audit_log",
                    "delete from flyway_schema_history")) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(refused), refused);
                assertTrue(e.getSQLState().equals("42501"), refused + ": " + e.getSQLState() + " " + e.getMessage());
            }
        }
    }
}
