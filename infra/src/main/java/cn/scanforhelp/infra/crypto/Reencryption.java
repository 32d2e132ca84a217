package cn.scanforhelp.infra.crypto;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Brings every stored personal field to the active key, and bound columns to the bound form
 * ({@link FieldCipher.Binding}): values still in an older clear-text column move
 * into their encrypted column (with their look-up hash of the trimmed value), and values written with a key that is no longer
 * active are decrypted and encrypted again. Key rotation is then: add the new key, make it active, wait for
 * this job to report nothing left, remove the old key. Hash keys likewise: the hashes under a hash key that is
 * not active are computed again ({@link RowRewriter}). Runs in batches of {@value #BATCH} rows, each its
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
        return em.unwrap(org.hibernate.Session.class)
                .doReturningWork(conn -> RowRewriter.batch(conn, cipher, t, BATCH));
    }
}
