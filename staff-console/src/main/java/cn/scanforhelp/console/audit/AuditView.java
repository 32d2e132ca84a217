package cn.scanforhelp.console.audit;

import cn.scanforhelp.console.web.Msg;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit search page: the filters as typed, one page of case-service's entries, and the links to the pages
 * before and after with the same filters. Nothing is computed: the labels are the page's language for case-service's
 * codes, and a reveal's reason is shown apart from the rest of its entry.
 */
public record AuditView(Filter filter, List<Option> actions, List<Row> rows, String previousUrl, String nextUrl,
        Map<String, String> errors) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The kinds of entry case-service writes, for the filter's choice (its own codes). */
    static final List<String> ACTIONS = List.of("READ", "REVEAL", "REVEAL_REFUSED", "ACTION", "LIST", "EXPORT",
            "RECEIVE", "LINK_DUPLICATE", "CONFIRM_LINK", "TRANSFER_OUT", "READ_HOUSEHOLD", "RECORD_HOUSEHOLD",
            "READ_AMOUNT", "RECORD_INVESTIGATION", "READ_INVESTIGATION", "ADD_ATTACHMENT", "READ_ATTACHMENT",
            "ATTACHMENT_REFUSED", "READ_OBJECTIONS", "LATE_OBJECTION", "COMPLETE_REFERRAL", "CHECK_OPEN_CASES",
            "SATISFACTION");

    private static final String REASON = "reason: ";

    public record Filter(String actor, String trackingNumber, String action, String from, String to, int page) {

        String query(int toPage) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("actor", actor);
            q.put("trackingNumber", trackingNumber);
            q.put("action", action);
            q.put("from", from);
            q.put("to", to);
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
            return "/audit" + sb;
        }
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** {@code caseUrl} only for a user who may open the case (the auditor reads the trail, not the cases). */
    public record Row(String when, String who, String roles, String action, String what, String trackingNumber,
            String caseUrl, String reason) {
    }

    static AuditView of(Filter f, AuditApi.Entries found, boolean linkCases, Msg msg) {
        List<Row> rows = new ArrayList<>();
        if (found != null) {
            for (AuditApi.Entry e : found.items()) {
                rows.add(row(e, linkCases, msg));
            }
        }
        String prev = f.page() > 0 ? f.query(f.page() - 1) : null;
        String next = found != null && found.hasMore() ? f.query(f.page() + 1) : null;
        return new AuditView(f, options(f.action(), msg), rows, prev, next, Map.of());
    }

    AuditView withErrors(Map<String, String> errors) {
        return new AuditView(filter, actions, rows, previousUrl, nextUrl, errors);
    }

    static List<Option> options(String selected, Msg msg) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", msg.auditAnyAction(), selected == null));
        for (String a : ACTIONS) {
            out.add(new Option(a, msg.auditActionName(a), a.equals(selected)));
        }
        return out;
    }

    static Row row(AuditApi.Entry e, boolean linkCases, Msg msg) {
        String detail = e.detail() == null ? "" : e.detail();
        String reason = null;
        if ("REVEAL".equals(e.action()) && detail.contains(REASON)) {
            reason = detail.substring(detail.indexOf(REASON) + REASON.length());
            detail = detail.substring(0, detail.indexOf(REASON)).replaceAll("[;；]\\s*$", "");
        }
        String roles = e.roles() == null ? "" : Arrays.stream(e.roles().split(",")).filter(r -> !r.isBlank())
                .map(r -> msg.roleName(r.trim())).collect(Collectors.joining("、"));
        String tn = e.caseId() == null ? null : e.trackingNumber() != null ? e.trackingNumber() : e.caseId().toString();
        return new Row(e.at() == null ? "" : e.at().atZoneSameInstant(ZONE).format(TIME), e.actor(), roles,
                msg.auditActionName(e.action()), detail, tn,
                linkCases && e.caseId() != null ? "/cases/" + e.caseId() : null, reason);
    }
}
