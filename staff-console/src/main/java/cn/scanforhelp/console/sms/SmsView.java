package cn.scanforhelp.console.sms;

import cn.scanforhelp.console.cases.QueueView;
import cn.scanforhelp.console.web.Msg;
import java.util.List;

/** The SMS panel of the case page: per message the event, time, status and receipt in the page's language. */
public record SmsView(boolean available, List<Row> rows) {

    /** {@code status} is the code (for the badge's class and the tests), {@code statusLabel} the words. */
    public record Row(String eventType, String event, String time, String status, String statusLabel,
            String receipt, int parts, String text, boolean urgent) {
    }

    public static SmsView of(CaseMessages.Sent sent, Msg m) {
        if (!sent.available()) {
            return new SmsView(false, List.of());
        }
        List<Row> rows = sent.messages().stream().map(s -> new Row(s.eventType(), m.smsEventType(s.eventType()),
                QueueView.when(s.sentAt() != null ? s.sentAt() : s.createdAt()), s.status(),
                m.smsStatusLabel(s.status()),
                s.receiptState() == null ? m.smsNoReceipt()
                        : m.smsReceiptState(s.receiptState()) + " · " + QueueView.when(s.receiptAt()),
                s.parts(), s.text(), s.urgent())).toList();
        return new SmsView(true, rows);
    }
}
