package cn.scanforhelp.infra.crypto;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The personal fields a service keeps encrypted, declared once as a bean so that {@link Reencryption}
 * knows which rows to bring to the active key. A service lists each table with its encrypted columns.
 */
public interface EncryptedColumns {

    /**
     * One encrypted column. {@code plain}: the older column the value was kept in clear in, emptied as the
     * value moves (null when there never was one). {@code hash}: the keyed-hash column filled beside it for
     * look-ups (null when none), computed of {@code hashOf(value)}: the job re-hashes it when its hash key is
     * not the active one (hash key rotation). {@code bound}: see {@link #bound}.
     */
    record Column(String encrypted, String plain, String hash, boolean bound, UnaryOperator<String> hashOf) {
        public Column {
            if (hash != null && hashOf == null) {
                hashOf = String::strip;
            }
        }

        public Column(String encrypted, String plain, String hash) {
            this(encrypted, plain, hash, false, null);
        }

        public Column(String encrypted, String plain, String hash, boolean bound) {
            this(encrypted, plain, hash, bound, null);
        }

        public static Column of(String encrypted) {
            return new Column(encrypted, null, null);
        }

        /**
         * A column whose values are bound to their table, column and row ({@link FieldCipher.Binding}): its
         * readers pass the binding, and the job rewrites values written before bindings in the bound form.
         */
        public static Column bound(String encrypted) {
            return new Column(encrypted, null, null, true);
        }

        /** A bound column with its hash column (the hash of the value as stored). */
        public static Column bound(String encrypted, String hash) {
            return new Column(encrypted, null, hash, true, UnaryOperator.identity());
        }

        /** The same column, bound ({@link #bound}). */
        public Column boundToRow() {
            return new Column(encrypted, plain, hash, true, hashOf);
        }
    }

    /** A table, its primary-key column and its encrypted columns. */
    record Table(String name, String id, List<Column> columns) {
    }

    List<Table> tables();
}
