package cn.scanforhelp.infra.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

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
}
