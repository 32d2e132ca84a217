package cn.scanforhelp.cases.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The draw itself, a pure function: from one type's decided cases, {@code max(1, ceil(share × n))} of them (none when
 * there are none), chosen by a partial Fisher–Yates shuffle of the cases in the order of their ids' text, with a
 * {@link SplittableRandom} seeded by the sampling's seed and the type. SplittableRandom's sequence is fixed by its
 * specification, so a recorded seed draws the same cases on any JVM.
 */
public final class Draw {

    private Draw() {
    }

    /** How many of {@code population} cases a share draws: at least one when there are any. */
    public static int size(int population, double share) {
        if (population <= 0) {
            return 0;
        }
        int n = (int) Math.ceil(share * population - 1e-9);
        return Math.min(population, Math.max(1, n));
    }

    public static List<UUID> pick(List<UUID> population, double share, long seed, String type) {
        List<UUID> ordered = new ArrayList<>(population);
        ordered.sort(Comparator.comparing(UUID::toString));
        int n = size(ordered.size(), share);
        SplittableRandom random = new SplittableRandom(seed ^ (long) type.hashCode() * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(ordered.size() - i);
            UUID t = ordered.get(i);
            ordered.set(i, ordered.get(j));
            ordered.set(j, t);
        }
        return List.copyOf(ordered.subList(0, n));
    }
}
