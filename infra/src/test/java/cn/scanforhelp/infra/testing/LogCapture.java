package cn.scanforhelp.infra.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Everything logged while it is open, as the console would print it: each record's formatted message and, if any,
 * its exception with messages and stack (printStackTrace). For tests that a log line holds no personal data.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> records = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Logger root = Logger.getLogger("");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder sb = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " ");
            sb.append(r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                sb.append('\n').append(w);
            }
            records.add(sb.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        root.addHandler(handler);
    }

    public static LogCapture open() {
        return new LogCapture();
    }

    /** All records so far, one after another. */
    public String text() {
        synchronized (records) {
            return String.join("\n", records);
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
