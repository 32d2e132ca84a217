package cn.scanforhelp.notification.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code log} provider's line holds what an operator needs to find the message (its id, its parts) and
 * nothing a reader of the logs could use: not the text (it carries the tracking number, 查询号) and not the
 * phone's last 4 digits (the look-up's second factor).
 */
class LogProviderTest {

    private static final String TEXT = "【麦积区民政局】您的救助申请已收到，查询号K7QM4HXP2R。利桥镇将于12月2日前决定是否受理。"
            + "咨询0938-2731234";
    private final List<String> lines = new ArrayList<>();
    private final Logger logger = Logger.getLogger(LogProvider.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            lines.add(r instanceof ExtLogRecord e ? e.getFormattedMessage() : new SimpleFormatter().formatMessage(r));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
    }

    @Test
    void theLineNamesTheMessageButHoldsNoTextAndNoLastDigits() {
        UUID id = UUID.fromString("0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11"); // no digits of the phone in it
        SmsProvider.Result r = new LogProvider().submit(new SmsProvider.Outgoing(id, "13912345678", TEXT, 7), 0);

        assertEquals(SmsProvider.Outcome.ACCEPTED, r.outcome());
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(line.contains(id.toString()), line);
        assertTrue(line.contains("139"), "the operator's prefix may be shown: " + line);
        for (String secret : List.of("K7QM4HXP2R", "查询号", "5678", "12345678", "利桥镇", "救助", TEXT)) {
            assertFalse(line.contains(secret), secret + " in " + line);
        }
    }
}
