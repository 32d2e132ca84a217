package cn.scanforhelp.infra.crypto;

import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * The body of the Flyway Java migrations that bind a service's existing values to their rows (case V11,
 * intake V56): every row whose values are behind ({@link RowRewriter}) is rewritten on Flyway's connection,
 * in the migration's transaction, with the service's {@link FieldCipher} and {@link EncryptedColumns}. After
 * it no value of the service can be moved to another row or column unnoticed. Tables and columns a later
 * migration adds are left out (they are written bound from the start). Logs counts only.
 */
public final class BindingMigration {

    private static final Logger LOG = Logger.getLogger(BindingMigration.class);
    private static final int BATCH = 500;

    private BindingMigration() {
    }

    public static int run(Connection conn, Class<? extends EncryptedColumns> declared) throws SQLException {
        FieldCipher cipher = Arc.container().instance(FieldCipher.class).get();
        int total = 0;
        for (EncryptedColumns.Table declaredTable : Arc.container().instance(declared).get().tables()) {
            // the declaration is today's; the migration runs at its own version, before later tables and columns
            EncryptedColumns.Table t = asItIsNow(conn, declaredTable);
            if (t == null) {
                continue;
            }
            int n;
            do {
                n = RowRewriter.batch(conn, cipher, t, BATCH);
                total += n;
            } while (n == BATCH);
        }
        LOG.infof("personal fields bound to their rows in %d rows", total);
        return total;
    }

    /** The table with only the columns the schema has at this migration's version; null when it has none yet. */
    static EncryptedColumns.Table asItIsNow(Connection conn, EncryptedColumns.Table t) throws SQLException {
        java.util.Set<String> existing = new java.util.HashSet<>();
        try (java.sql.PreparedStatement ps = conn.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ?")) {
            ps.setString(1, t.name());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
        }
        java.util.List<EncryptedColumns.Column> columns = t.columns().stream()
                .filter(c -> existing.contains(c.encrypted()) && (c.plain() == null || existing.contains(c.plain()))
                        && (c.hash() == null || existing.contains(c.hash())))
                .toList();
        return columns.isEmpty() ? null : new EncryptedColumns.Table(t.name(), t.id(), columns);
    }
}
