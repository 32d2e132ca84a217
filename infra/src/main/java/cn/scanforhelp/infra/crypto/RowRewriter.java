package cn.scanforhelp.infra.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the rows of one table that are behind ({@link Reencryption}; the Flyway migrations that bind
 * values to their rows call it too, on Flyway's connection): values under a key that is not active, values
 * of a bound column written before bindings, values still in a clear-text column, and hashes under a hash
 * key that is not active. One batch, locked with {@code SKIP LOCKED}; values never leave this class.
 */
public final class RowRewriter {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RowRewriter.class);

    private RowRewriter() {
    }

    /** Rewrites up to {@code limit} rows that are behind; returns how many it rewrote. */
    public static int batch(Connection conn, FieldCipher cipher, EncryptedColumns.Table t, int limit)
            throws SQLException {
        List<String> select = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        List<String> params = new ArrayList<>();
        for (EncryptedColumns.Column c : t.columns()) {
            select.add(c.encrypted());
            // an erased value ('' as notification's retention leaves it) is nobody's to rewrite
            behind.add("(" + c.encrypted() + " <> '' and split_part(" + c.encrypted() + ", ':', 1) <> ?)");
            params.add(cipher.activeKeyId());
            if (c.bound()) {
                behind.add("(" + c.encrypted() + " <> '' and split_part(" + c.encrypted() + ", ':', 2) <> '2')"); // before bindings
            }
            if (c.plain() != null) {
                select.add(c.plain());
                behind.add(c.plain() + " is not null");
            }
            if (c.hash() != null) {
                select.add(c.hash());
                behind.add("(" + c.hash() + " is not null and (" + c.encrypted() + " is not null"
                        + (c.plain() != null ? " or " + c.plain() + " is not null" : "") + ") and (case when strpos("
                        + c.hash() + ", ':') > 0 then split_part(" + c.hash() + ", ':', 1) else '"
                        + FieldCipher.ORIGINAL_HASH_KEY + "' end) <> ?)");
                params.add(cipher.activeHashKeyId());
            }
        }
        List<String> set = new ArrayList<>();
        for (EncryptedColumns.Column c : t.columns()) {
            set.add(c.encrypted() + " = ?");
            if (c.plain() != null) {
                set.add(c.plain() + " = null");
            }
            if (c.hash() != null) {
                set.add(c.hash() + " = coalesce(cast(? as varchar), " + c.hash() + ")");
            }
        }
        String query = "select " + t.id() + ", " + String.join(", ", select) + " from " + t.name() + " where "
                + String.join(" or ", behind) + " limit " + limit + " for update skip locked";
        String update = "update " + t.name() + " set " + String.join(", ", set) + " where " + t.id() + " = ?";
        int n = 0;
        try (PreparedStatement q = conn.prepareStatement(query); PreparedStatement u = conn.prepareStatement(update)) {
            for (int i = 0; i < params.size(); i++) {
                q.setString(i + 1, params.get(i));
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    boolean whole = rewrite(cipher, t, r, u);
                    u.executeUpdate();
                    if (whole) {
                        n++; // a row left with a misplaced value is not counted: the run ends before it comes again
                    }
                }
            }
        }
        return n;
    }

    /**
     * Sets the row's new values; a value moved here from another row or column ({@link FieldCipher.Misplaced}) or
     * that no key opens ({@link FieldCipher.Undecryptable}) is left as it is (logged by its place): returns false then.
     */
    private static boolean rewrite(FieldCipher cipher, EncryptedColumns.Table t, ResultSet r, PreparedStatement u)
            throws SQLException {
        boolean whole = true;
        Object id = r.getObject(1);
        int i = 2;
        int p = 1;
        for (EncryptedColumns.Column c : t.columns()) {
            String enc = r.getString(i++);
            String plain = c.plain() != null ? clearText(r.getObject(i++)) : null;
            String hash = c.hash() != null ? r.getString(i++) : null;
            FieldCipher.Binding at = c.bound() ? new FieldCipher.Binding(t.name(), c.encrypted(), id) : null;
            if (plain == null && enc != null && enc.isEmpty()) { // erased: stays so
                u.setString(p++, enc);
                if (c.hash() != null) {
                    u.setString(p++, null);
                }
                continue;
            }
            String value;
            try {
                value = plain != null ? plain : at != null ? cipher.decrypt(enc, at) : cipher.decrypt(enc);
            } catch (FieldCipher.Misplaced | FieldCipher.Undecryptable e) {
                // one damaged value must not stop the rotation of every other row: it is left, and said where
                if (e instanceof FieldCipher.Misplaced) {
                    LOG.warnf("%s: its encrypted value belongs to another row or column (moved or tampered with); left as it is", at);
                } else {
                    LOG.warnf("%s.%s of row %s: no configured key opens its encrypted value (damaged, or another key"
                            + " under the same id); left as it is", t.name(), c.encrypted(), id);
                }
                whole = false;
                u.setString(p++, enc);
                if (c.hash() != null) {
                    u.setString(p++, null);
                }
                continue;
            }
            u.setString(p++, at != null ? cipher.encrypt(value, at) : cipher.encrypt(value));
            if (c.hash() != null) {
                boolean rehash = value != null && (plain != null || hash != null
                        && !cipher.activeHashKeyId().equals(FieldCipher.hashKeyIdOf(hash)));
                u.setString(p++, rehash ? cipher.hash(c.hashOf().apply(value)) : null);
            }
        }
        u.setObject(p, id);
        return whole;
    }

    /** A clear-text column's value as text: amounts (numeric) keep their plain decimal form. */
    private static String clearText(Object v) {
        return v == null ? null : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
    }
}
