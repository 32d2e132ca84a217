package cn.scanforhelp.console.dashboard;

import cn.scanforhelp.console.cases.CaseApi;
import cn.scanforhelp.console.cases.ProcedureDoc;
import cn.scanforhelp.console.cases.QueueView;
import cn.scanforhelp.console.cases.StatsApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the dashboard shows, built from case-service's answers only: every figure is case-service's number, the
 * console adds the links to the queue that shows the same cases. Percentages are formatted here, nothing is computed
 * that case-service has not already decided (the on-time rate is its {@code onTimeRate}).
 */
public record DashboardView(List<Township> townships, Township total, List<String> weeks, List<ChannelRow> channels,
        List<Rating> ratings, List<Oldest> oldest, long oldestTotal) {

    public record Township(String code, String name, long onTrack, long atRisk, long overdue, String onTimeRate,
            long decided, String onTrackUrl, String atRiskUrl, String overdueUrl, String decidedUrl) {
    }

    /** One channel's applications per week (the weeks' order), and the queue of that channel. */
    public record ChannelRow(String channel, String label, List<Long> perWeek, long total, String url) {
    }

    public record Rating(String code, String name, String type, long ratings, double average, long satisfied,
            long dissatisfied, String url) {
    }

    public record Oldest(String id, String trackingNumber, String township, String type, String received,
            String nextDeadline, String stateCode, String state) {
    }

    /** A queue address with these filters (null values left out). */
    static String queue(String... pairs) {
        StringBuilder sb = new StringBuilder("/");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                sb.append(sb.length() == 1 ? "?" : "&").append(pairs[i]).append('=')
                        .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    static Township township(StatsApi.DivisionRow r) {
        String d = r.divisionCode();
        return new Township(d, r.townshipName() == null ? d : r.townshipName(), r.onTrack(), r.atRisk(), r.overdue(),
                percent(r.onTimeRate()), r.decided(), queue("division", d, "deadlineState", "ON_TRACK"),
                queue("division", d, "deadlineState", "AT_RISK"), queue("division", d, "deadlineState", "OVERDUE"),
                queue("division", d));
    }

    static Township total(List<StatsApi.DivisionRow> rows, String label) {
        long onTrack = 0;
        long atRisk = 0;
        long overdue = 0;
        long decided = 0;
        for (StatsApi.DivisionRow r : rows) {
            onTrack += r.onTrack();
            atRisk += r.atRisk();
            overdue += r.overdue();
            decided += r.decided();
        }
        return new Township(null, label, onTrack, atRisk, overdue, "", decided, queue("deadlineState", "ON_TRACK"),
                queue("deadlineState", "AT_RISK"), queue("deadlineState", "OVERDUE"), "/");
    }

    static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    /** The applications per channel in each week's report (case-service's counts of cases received that week). */
    static List<ChannelRow> channels(List<StatsApi.Report> weeks, java.util.function.Function<String, String> label) {
        Map<String, List<Long>> by = new LinkedHashMap<>();
        for (String c : QueueView.CHANNELS) {
            List<Long> zeros = new ArrayList<>();
            weeks.forEach(w -> zeros.add(0L));
            by.put(c, zeros);
        }
        for (int i = 0; i < weeks.size(); i++) {
            for (StatsApi.Row r : weeks.get(i).rows()) {
                List<Long> l = by.computeIfAbsent(r.channel(), k -> {
                    List<Long> zeros = new ArrayList<>();
                    weeks.forEach(w -> zeros.add(0L));
                    return zeros;
                });
                l.set(i, l.get(i) + r.count());
            }
        }
        List<ChannelRow> out = new ArrayList<>();
        by.forEach((c, l) -> out.add(new ChannelRow(c, label.apply(c), l, l.stream().mapToLong(Long::longValue).sum(),
                queue("channel", c))));
        return out;
    }

    static List<Rating> ratings(StatsApi.Report all, Map<String, String> names, ProcedureDoc doc, Locale locale) {
        List<Rating> out = new ArrayList<>();
        for (StatsApi.RatingRow r : all.ratings()) {
            ProcedureDoc.Labels l = doc.types().get(r.type());
            out.add(new Rating(r.divisionCode(), names.getOrDefault(r.divisionCode(), r.divisionCode()),
                    l == null ? r.type() : l.in(locale), r.ratings(), r.average(), r.satisfied(), r.dissatisfied(),
                    queue("division", r.divisionCode(), "type", r.type())));
        }
        return out;
    }

    static Oldest oldest(CaseApi.Summary s, ProcedureDoc doc, Locale locale, String stateLabel) {
        ProcedureDoc.Labels l = s.type() == null ? null : doc.types().get(s.type());
        return new Oldest(s.id().toString(), s.trackingNumber(), s.townshipName(), l == null ? "—" : l.in(locale),
                cn.scanforhelp.console.cases.QueueView.when(s.receivedAt()),
                s.nextDeadline() == null ? "—" : s.nextDeadline().toString(),
                s.deadlineState() == null ? "NONE" : s.deadlineState(), stateLabel);
    }

    /** The Mondays of the last {@code n} weeks, oldest first, the current week last. */
    static List<LocalDate> mondays(LocalDate today, int n) {
        LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        List<LocalDate> out = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            out.add(monday.minusWeeks(i));
        }
        return out;
    }
}
