package cn.scanforhelp.console.sms;

import cn.scanforhelp.console.cases.QueueView;
import cn.scanforhelp.console.web.Msg;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The officer's page of SMS that went wrong: notification-service's rows in the page's language. {@code notice}: what
 * was just done; {@code error}: notification-service's refusal (409, 400) and the row it concerns.
 */
public record SmsProblemsView(List<Row> rows, boolean all, long total, String previousUrl, String nextUrl,
        String notice, String error, String errorRow, boolean noteError, String noteValue) {

    private static final Pattern UUID_SHAPE = Pattern.compile("^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$");

    /** {@code caseUrl}: the case page when the case id is case-service's, else the queue searching the number. */
    public record Row(String id, String trackingNumber, String caseUrl, String divisionCode, String event,
            String status, String statusLabel, String receipt, String error, String created, String sent,
            boolean resent, String resendLabel, boolean handled, String handledLabel, String handledNote) {

        public String resendUrl() {
            return "/sms-problems/" + id + "/resend";
        }

        public String handledUrl() {
            return "/sms-problems/" + id + "/handled";
        }
    }

    /** The link to another page of the same view, or null when there is none. */
    public static String pageUrl(boolean all, int page, boolean exists) {
        return exists ? "/sms-problems?view=" + (all ? "all" : "open") + "&page=" + page : null;
    }

    public static Row row(NotificationServiceClient.Problem p, Msg m, SmsProblemsMsg pm) {
        String caseUrl = p.caseId() != null && UUID_SHAPE.matcher(p.caseId()).matches() ? "/cases/" + p.caseId()
                : "/?text=" + URLEncoder.encode(p.trackingNumber(), StandardCharsets.UTF_8);
        String receipt = p.receiptState() == null ? m.smsNoReceipt() : m.smsReceiptState(p.receiptState())
                + (p.receiptError() == null ? "" : " (" + p.receiptError() + ")");
        String resend = p.resentAs() != null ? pm.resentAs(m.smsStatusLabel(p.resendStatus()))
                : p.resent() ? pm.isResend() : "";
        String handled = p.handled() ? pm.handledBy(p.handledBy(), QueueView.when(p.handledAt())) : "";
        return new Row(p.id().toString(), p.trackingNumber(), caseUrl, p.divisionCode(), m.smsEventType(p.eventType()),
                p.status(), m.smsStatusLabel(p.status()), receipt, p.lastError() == null ? "" : p.lastError(),
                QueueView.when(p.createdAt()), QueueView.when(p.sentAt()), p.resent(), resend, p.handled(), handled,
                p.handledNote() == null ? "" : p.handledNote());
    }

    public static UUID uuid(String id) {
        return UUID_SHAPE.matcher(id).matches() ? UUID.fromString(id) : null;
    }
}
