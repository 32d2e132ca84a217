package cn.scanforhelp.notification.sending;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Outcomes the SMSC already gave (submit_sm_resp received) that could not be written because the
 * database was unavailable. Kept in memory and written as soon as it answers again, so that an outage
 * of PostgreSQL alone never makes a message look "outcome unknown" and go out a second time; only a
 * dead process (the memory is lost) or a dead SMSC link (no answer at all) may still cause a resend.
 *
 * <p>Bounded: past {@link #MAX} held outcomes the newest are left to the stale-row recovery (a possible
 * duplicate, never a loss). Used by the sender's single worker thread; {@link #ids()} is read by the
 * stale-row recovery on the scheduler's thread, hence the synchronisation.
 */
final class HeldOutcomes {

    private static final Logger LOG = Logger.getLogger(HeldOutcomes.class);
    static final int MAX = 10_000;

    /** Outcome and the time it was taken (its sent_at), by message id. */
    private final Map<UUID, Held> held = new LinkedHashMap<>();

    record Held(Outcomes.Outcome outcome, Instant at) {
    }

    /** False when full: the caller leaves that message to the stale-row recovery. */
    synchronized boolean hold(Outcomes.Outcome o, Instant at) {
        if (held.size() >= MAX && !held.containsKey(o.id())) {
            return false;
        }
        held.put(o.id(), new Held(o, at));
        return true;
    }

    synchronized boolean isEmpty() {
        return held.isEmpty();
    }

    synchronized int size() {
        return held.size();
    }

    synchronized UUID[] ids() {
        return held.keySet().toArray(UUID[]::new);
    }

    private synchronized List<List<Held>> byTime() {
        Map<Instant, List<Held>> groups = new LinkedHashMap<>();
        for (Held h : held.values()) {
            groups.computeIfAbsent(h.at(), k -> new ArrayList<>()).add(h);
        }
        return new ArrayList<>(groups.values());
    }

    private synchronized void release(List<Held> written) {
        written.forEach(h -> held.remove(h.outcome().id(), h));
    }

    /**
     * Writes what is held, one transaction per batch it came from; stops at the first failure (the
     * database is still away) and keeps the rest. True when nothing is held any more.
     */
    boolean flush(BiConsumer<List<Outcomes.Outcome>, Instant> writer) {
        for (List<Held> group : byTime()) {
            try {
                writer.accept(group.stream().map(Held::outcome).toList(), group.get(0).at());
            } catch (RuntimeException e) {
                return false;
            }
            release(group);
            LOG.infof("%d SMS outcome(s) held during a database outage now recorded", group.size());
        }
        return isEmpty();
    }
}
