package cn.scanforhelp.notification.sending;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * For running locally and in tests: nothing leaves the machine, each message is stored and marked sent.
 * The log line names the message (its id: the text is in the database, readable through the staff API)
 * and never holds its text, which carries the tracking number (查询号), nor the phone's last 4 digits, the
 * status look-up's second factor: {@code SMS sent (log): message 0b7e…, parts 1-2 of 2, to 139********}.
 * Refused under the {@code prod} profile ({@link ProviderPolicy}).
 */
public class LogProvider implements SmsProvider {

    private static final Logger LOG = Logger.getLogger(LogProvider.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public Result submit(Outgoing m, int fromPart) {
        int parts = Segments.count(m.text());
        LOG.infof("SMS sent (log): message %s, parts %d-%d of %d, to %s", m.id(), fromPart + 1, parts, parts,
                prefix(m.phone()));
        List<String> ids = new ArrayList<>();
        for (int i = fromPart; i < parts; i++) {
            ids.add("log-" + m.id() + "-" + (i + 1));
        }
        return Result.accepted(ids);
    }

    /** The operator's prefix only: 13912345678 → 139********. */
    static String prefix(String phone) {
        if (phone == null || phone.length() <= 3) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 3);
    }
}
