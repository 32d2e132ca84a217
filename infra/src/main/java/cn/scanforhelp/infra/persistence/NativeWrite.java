package cn.scanforhelp.infra.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.QueryFlushMode;

/**
 * A native insert, update or delete that names the table it writes. Hibernate cannot tell which
 * tables a native write touches, so without a name it empties every second-level cache region after
 * it; in intake that made every submission read its township from PostgreSQL again. Use this for
 * every native write through the {@link EntityManager}.
 */
public final class NativeWrite {

    private NativeWrite() {
    }

    public static NativeQuery<?> to(EntityManager em, String table, String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace(table);
    }

    /**
     * The same for a table no entity maps (inbox, outbox, counters), and without flushing the session
     * first: nothing pending there can concern such a table, and before a native statement Hibernate
     * dirty-checks every entity the session holds (in a status batch of 100, 100 × 100 times). Not for
     * tables with entities: their pending changes must reach the database before the statement.
     */
    public static NativeQuery<?> toTableWithoutEntity(EntityManager em, String table, String sql) {
        return to(em, table, sql).setQueryFlushMode(QueryFlushMode.NO_FLUSH);
    }
}
