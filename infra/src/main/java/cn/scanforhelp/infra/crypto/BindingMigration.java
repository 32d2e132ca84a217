package cn.scanforhelp.infra.crypto;

import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * The body of the Flyway Java migrations that bind a service's existing values to their rows (case V11,
 * intake V56): every row whose values are behind ({@link RowRewriter}) is rewritten on Flyway's connection,
 * in the migration's transaction, with the service's {@link FieldCipher} and {@link EncryptedColumns}. After
 * it no value of the service can be moved to another row or column unnoticed. Logs counts only.
 */
public final class BindingMigration {

    private static final Logger LOG = Logger.getLogger(BindingMigration.class);
    private static final int BATCH = 500;

    private BindingMigration() {
    }

    public static int run(Connection conn, Class<? extends EncryptedColumns> declared) throws SQLException {
        FieldCipher cipher = Arc.container().instance(FieldCipher.class).get();
        int total = 0;
        for (EncryptedColumns.Table t : Arc.container().instance(declared).get().tables()) {
            int n;
            do {
                n = RowRewriter.batch(conn, cipher, t, BATCH);
                total += n;
            } while (n == BATCH);
        }
        LOG.infof("personal fields bound to their rows in %d rows", total);
        return total;
    }
}
