package cn.scanforhelp.intake.application;

import cn.scanforhelp.infra.crypto.FieldCipher;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real cipher, counting its operations per thread: a test that calls a bean on its own thread sees exactly the
 * work of that call, untouched by the relay or other background jobs. Behaves exactly as {@link FieldCipher}.
 */
@Alternative
@Priority(1)
@Singleton
public class CountingFieldCipher extends FieldCipher {

    private static final ThreadLocal<Map<String, Integer>> OPS = ThreadLocal.withInitial(TreeMap::new);

    public CountingFieldCipher(FieldCipher.Config config) {
        super(config);
    }

    /** The operations counted on this thread since the last call, by name; the count starts again. */
    public static Map<String, Integer> take() {
        Map<String, Integer> m = new TreeMap<>(OPS.get());
        OPS.get().clear();
        return m;
    }

    private static void count(String op) {
        OPS.get().merge(op, 1, Integer::sum);
    }

    @Override
    public String encrypt(String plain) {
        count("encrypt");
        return super.encrypt(plain);
    }

    @Override
    public String encrypt(String plain, Binding at) {
        count("encrypt");
        return super.encrypt(plain, at);
    }

    @Override
    public String decrypt(String stored) {
        count("decrypt");
        return super.decrypt(stored);
    }

    @Override
    public String decrypt(String stored, Binding at) {
        count("decrypt");
        return super.decrypt(stored, at);
    }

    @Override
    public String open(String encrypted, String olderClearText) {
        count("open");
        return super.open(encrypted, olderClearText);
    }

    @Override
    public String hash(String plain) {
        count("hash");
        return super.hash(plain);
    }
}
