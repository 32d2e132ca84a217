package cn.scanforhelp.infra.crypto;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Brings every stored personal field to the active key, and bound columns to the bound form
 * ({@link FieldCipher.Binding}): values still in an older clear-text column move
 * into their encrypted column (with their look-up hash of the trimmed value), and values written with a key that is no longer
 * active are decrypted and encrypted again. Key rotation is then: add the new key, make it active, wait for
 * this job to report nothing left, remove the old key. Runs in batches of {@value #BATCH} rows, each its
 * own transaction, with {@code SKIP LOCKED} so replicas share the work and staff are never blocked.
 * Logs counts only, never values.
 */
@ApplicationScoped
public class Reencryption {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(Reencryption.class);

    private final EntityManager em;
    private final FieldCipher cipher;
    private final Instance<EncryptedColumns> declared;

    public Reencryption(EntityManager em, FieldCipher cipher, Instance<EncryptedColumns> declared) {
        this.em = em;
        this.cipher = cipher;
        this.declared = declared;
    }

    @Scheduled(every = "${sfh.cipher.reencrypt-every:10m}", delayed = "${sfh.cipher.reencrypt-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int n = runAll();
        if (n > 0) {
            LOG.infof("personal fields brought to key %s in %d rows", cipher.activeKeyId(), n);
        }
    }

    /** Runs until no row is left behind; returns how many rows were rewritten. */
    public int runAll() {
        int total = 0;
        for (EncryptedColumns d : declared) {
            for (EncryptedColumns.Table t : d.tables()) {
                int n;
                do {
                    n = batch(t);
                    total += n;
                } while (n == BATCH);
            }
        }
        return total;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int batch(EncryptedColumns.Table t) {
        List<String> select = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        for (EncryptedColumns.Column c : t.columns()) {
            select.add(c.encrypted());
            behind.add("split_part(" + c.encrypted() + ", ':', 1) <> ?1");
            if (c.bound()) {
                behind.add("split_part(" + c.encrypted() + ", ':', 2) <> '2'"); // written before bindings
            }
            if (c.plain() != null) {
                select.add(c.plain());
                behind.add(c.plain() + " is not null");
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + t.id() + ", " + String.join(", ", select) + " from "
                + t.name() + " where " + String.join(" or ", behind) + " limit " + BATCH + " for update skip locked")
                .setParameter(1, cipher.activeKeyId()).getResultList();
        String set = t.columns().stream().map(c -> c.encrypted() + " = ?"
                + (c.plain() != null ? ", " + c.plain() + " = null" : "")
                + (c.hash() != null ? ", " + c.hash() + " = coalesce(cast(? as varchar), " + c.hash() + ")" : ""))
                .collect(Collectors.joining(", "));
        String update = "update " + t.name() + " set " + set + " where " + t.id() + " = ?";
        for (Object[] r : rows) {
            var q = em.createNativeQuery(update);
            int p = 1;
            int i = 1;
            for (EncryptedColumns.Column c : t.columns()) {
                String enc = (String) r[i++];
                String plain = c.plain() != null ? clearText(r[i++]) : null;
                FieldCipher.Binding at = c.bound() ? new FieldCipher.Binding(t.name(), c.encrypted(), r[0]) : null;
                String value = plain != null ? plain : at != null ? cipher.decrypt(enc, at) : cipher.decrypt(enc);
                q.setParameter(p++, at != null ? cipher.encrypt(value, at) : cipher.encrypt(value));
                if (c.hash() != null) {
                    q.setParameter(p++, plain != null ? cipher.hash(plain.strip()) : null);
                }
            }
            q.setParameter(p, r[0]).executeUpdate();
        }
        return rows.size();
    }

    /** A clear-text column's value as text: amounts (numeric) keep their plain decimal form. */
    private static String clearText(Object v) {
        return v == null ? null : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
    }
}
