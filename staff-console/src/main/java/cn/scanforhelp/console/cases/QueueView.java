package cn.scanforhelp.console.cases;

import cn.scanforhelp.console.web.ClockProducer;
import cn.scanforhelp.console.web.Msg;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the queue page shows, every label already in the page's language. */
public record QueueView(Filter filter, List<Row> rows, List<Counter> counters, List<Select> selects, String total,
        int page, long pages, String previousUrl, String nextUrl, String selfUrl, String pageOf) {

    /** The ways in, in the order the pages list them (case-service's channels). */
    public static final List<String> CHANNELS = List.of("QR", "HOTLINE", "MONITORING", "WINDOW");

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public record Filter(String status, String type, String channel, String deadlineState, String escalated,
            String text, String division, int page) {

        Boolean escalatedFlag() {
            return "true".equals(escalated) ? Boolean.TRUE : "false".equals(escalated) ? Boolean.FALSE : null;
        }

        String query(int toPage) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("status", status);
            q.put("type", type);
            q.put("channel", channel);
            q.put("deadlineState", deadlineState);
            q.put("escalated", escalated);
            q.put("text", text);
            q.put("division", division);
            if (toPage > 0) {
                q.put("page", String.valueOf(toPage));
            }
            StringBuilder sb = new StringBuilder();
            q.forEach((k, v) -> {
                if (v != null) {
                    sb.append(sb.length() == 0 ? "?" : "&").append(k).append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            });
            return "/" + sb;
        }
    }

    /** The queue's filters as a query string ("" or "?status=…"), for the export links: the same cases. */
    public String exportQuery() {
        return filter.query(0).substring(1);
    }

    public record Row(String id, String trackingNumber, String applicant, String village, String type, String status,
            String received, String nextDeadline, String state, String stateLabel, String daysLeft, boolean urgent,
            boolean escalated) {
    }

    public record Counter(String state, String label, long count, String url, boolean current) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record Select(String name, String label, List<Option> options) {
    }

    static int pageNumber(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            return p < 0 ? 0 : Math.min(p, 100_000);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static QueueView of(Filter f, CaseApi.Page p, long onTrack, long atRisk, long overdue, ProcedureDoc doc,
            Locale locale, Msg m) {
        List<Row> rows = new ArrayList<>();
        for (CaseApi.Summary s : p.items()) {
            rows.add(new Row(s.id().toString(), s.trackingNumber(), s.applicantName(), s.villageName(),
                    label(doc.types(), s.type(), locale), label(doc.states(), s.status(), locale), when(s.receivedAt()),
                    s.nextDeadline() == null ? "—" : s.nextDeadline().toString(),
                    s.deadlineState() == null ? "NONE" : s.deadlineState(), m.deadlineState(s.deadlineState()),
                    s.workingDaysLeft() == null ? "—" : m.workingDays(Math.abs(s.workingDaysLeft()), s.workingDaysLeft() < 0),
                    s.urgent(), s.escalated()));
        }
        List<Counter> counters = new ArrayList<>();
        long[] counts = {onTrack, atRisk, overdue};
        String[] states = {"ON_TRACK", "AT_RISK", "OVERDUE"};
        for (int i = 0; i < states.length; i++) {
            Filter only = new Filter(null, null, null, states[i], null, null, f.division(), 0);
            counters.add(new Counter(states[i], m.deadlineState(states[i]), counts[i], only.query(0),
                    states[i].equals(f.deadlineState())));
        }
        List<Select> selects = List.of(
                new Select("status", m.filterStatus(), options(doc.states(), f.status(), locale, m)),
                new Select("type", m.filterType(), options(doc.types(), f.type(), locale, m)),
                new Select("channel", m.filterChannel(), fixed(CHANNELS, f.channel(),
                        m::channel, m)),
                new Select("deadlineState", m.filterDeadline(), fixed(List.of("ON_TRACK", "AT_RISK", "OVERDUE"),
                        f.deadlineState(), m::deadlineState, m)),
                new Select("escalated", m.filterEscalated(), fixed(List.of("true", "false"), f.escalated(),
                        v -> "true".equals(v) ? m.yes() : m.no(), m)));
        long pages = Math.max(1, (p.total() + p.size() - 1) / p.size());
        String total = p.totalCapped() ? m.totalCapped(p.total()) : m.total(p.total());
        String prev = f.page() > 0 ? f.query(f.page() - 1) : null;
        String next = (long) (f.page() + 1) * p.size() < p.total() ? f.query(f.page() + 1) : null;
        return new QueueView(f, rows, counters, selects, total, f.page() + 1, pages, prev, next, f.query(f.page()),
                m.pageOf(f.page() + 1, pages));
    }

    private static List<Option> options(Map<String, ProcedureDoc.Labels> labels, String current, Locale locale, Msg m) {
        List<Option> o = new ArrayList<>();
        o.add(new Option("", m.any(), current == null));
        labels.forEach((k, v) -> o.add(new Option(k, v.in(locale), k.equals(current))));
        return o;
    }

    private static List<Option> fixed(List<String> values, String current, java.util.function.Function<String, String> label,
            Msg m) {
        List<Option> o = new ArrayList<>();
        o.add(new Option("", m.any(), current == null));
        values.forEach(v -> o.add(new Option(v, label.apply(v), v.equals(current))));
        return o;
    }

    static String label(Map<String, ProcedureDoc.Labels> labels, String key, Locale locale) {
        ProcedureDoc.Labels l = key == null ? null : labels.get(key);
        return l == null ? String.valueOf(key) : l.in(locale);
    }

    public static String when(OffsetDateTime t) {
        return t == null ? "—" : t.atZoneSameInstant(ClockProducer.ZONE).format(WHEN);
    }
}
