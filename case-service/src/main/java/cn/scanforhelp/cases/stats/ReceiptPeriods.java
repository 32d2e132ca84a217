package cn.scanforhelp.cases.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of receipt days as the summary's rows cover it: whole years, whole months at the edges of the range,
 * single days at the very edges (at most five runs, each a range of one grain's periods). The summary counts
 * every case once per grain, so each case of the range is counted exactly once.
 */
final class ReceiptPeriods {

    enum Grain {
        Y, M, D;

        LocalDate start(LocalDate d) {
            return switch (this) {
                case Y -> d.withDayOfYear(1);
                case M -> d.withDayOfMonth(1);
                case D -> d;
            };
        }

        LocalDate plus(LocalDate d, int n) {
            return switch (this) {
                case Y -> d.plusYears(n);
                case M -> d.plusMonths(n);
                case D -> d.plusDays(n);
            };
        }

        Grain finer() {
            return this == Y ? M : D;
        }
    }

    /** Periods {@code first} to {@code last} (their first days) of one grain; null: unbounded on that side. */
    record Run(Grain grain, LocalDate first, LocalDate last) {
    }

    /** Far enough back and ahead to stand for "no bound" (the bound is then left out of the query). */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private ReceiptPeriods() {
    }

    /** The runs covering {@code from} to {@code to} (inclusive; null = unbounded); empty when from is after to. */
    static List<Run> cover(LocalDate from, LocalDate to) {
        List<Run> out = new ArrayList<>();
        cover(from != null ? from : EARLIEST, to != null ? to : LATEST, Grain.Y, out);
        if (!out.isEmpty() && from == null) {
            out.set(0, new Run(out.get(0).grain(), null, out.get(0).last()));
        }
        if (!out.isEmpty() && to == null) {
            Run last = out.get(out.size() - 1);
            out.set(out.size() - 1, new Run(last.grain(), last.first(), null));
        }
        return out;
    }

    private static void cover(LocalDate a, LocalDate b, Grain g, List<Run> out) {
        if (a.isAfter(b)) {
            return;
        }
        if (g == Grain.D) {
            out.add(new Run(g, a, b));
            return;
        }
        LocalDate first = g.start(a).equals(a) ? a : g.plus(g.start(a), 1); // the first whole period
        LocalDate end = g.start(b.plusDays(1)); // where the last whole period ends
        if (!first.isBefore(end)) {
            cover(a, b, g.finer(), out);
            return;
        }
        cover(a, first.minusDays(1), g.finer(), out);
        out.add(new Run(g, first, g.plus(end, -1)));
        cover(end, b, g.finer(), out);
    }
}
