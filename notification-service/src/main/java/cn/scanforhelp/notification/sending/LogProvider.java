package cn.scanforhelp.notification.sending;

import cn.scanforhelp.infra.crypto.Masking;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The default for running locally: nothing leaves the machine. Each message is logged with the
 * phone masked, in a line a local-run check can grep: {@code SMS sent (log) to 138****5678: 【…】…}.
 */
public class LogProvider implements SmsProvider {

    private static final Logger LOG = Logger.getLogger(LogProvider.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public Result submit(Outgoing m, int fromPart) {
        LOG.infof("SMS sent (log) to %s: %s", Masking.phone(m.phone()), m.text());
        List<String> ids = new ArrayList<>();
        for (int i = fromPart; i < Segments.count(m.text()); i++) {
            ids.add("log-" + m.id() + "-" + (i + 1));
        }
        return Result.accepted(ids);
    }
}
