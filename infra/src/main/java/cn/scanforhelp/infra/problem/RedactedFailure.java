package cn.scanforhelp.infra.problem;

import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A failure as the log may show it: each exception's class and stack frames, down its causes and suppressed ones,
 * without any message. Messages quote data (a SQL value, a JSON fragment, a parameter, a query string), which may
 * be an applicant's ID number or phone; the class and the frames are enough to find the bug.
 */
public final class RedactedFailure extends RuntimeException {

    private final String type;

    private RedactedFailure(String type, RedactedFailure cause) {
        super(null, cause, true, true);
        this.type = type;
    }

    /** The copy of this failure without messages (null for null). */
    public static RedactedFailure of(Throwable e) {
        return copy(e, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static RedactedFailure copy(Throwable e, Set<Throwable> seen) {
        if (e == null || !seen.add(e)) {
            return null; // a cause met again (a cycle): the chain stops there
        }
        RedactedFailure r = new RedactedFailure(e instanceof RedactedFailure f ? f.type : e.getClass().getName(),
                e.getCause() == e ? null : copy(e.getCause(), seen));
        r.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            RedactedFailure c = copy(s, seen);
            if (c != null) {
                r.addSuppressed(c);
            }
        }
        return r;
    }

    /** The original class's name, nothing else. */
    @Override
    public String toString() {
        return type;
    }

    @Override
    public String getMessage() {
        return null;
    }
}
