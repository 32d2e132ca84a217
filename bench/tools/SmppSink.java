// The benchmark's SMSC (run with jSMPP 3.0.2 + slf4j on the classpath: `java -cp … SmppSink.java
// <port> <out-file>`): accepts any bind, answers every submit_sm at once with a message id, and
// writes one line per PDU: epoch microseconds when it arrived, destination, concatenation
// reference/part/total (from the UDH, 0/1/1 when single) and the decoded text with tabs and
// newlines escaped. The harness joins these lines on the tracking number found in the text.
import java.io.BufferedWriter;
import java.io.FileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

public class SmppSink implements ServerMessageReceiverListener {
    private final BufferedWriter out;
    private final AtomicLong ids = new AtomicLong(1);

    SmppSink(BufferedWriter out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        BufferedWriter out = new BufferedWriter(new FileWriter(args[1], StandardCharsets.UTF_8), 1 << 16);
        SmppSink sink = new SmppSink(out);
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
        flusher.scheduleAtFixedRate(sink::flush, 200, 200, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(sink::flush));
        try (SMPPServerSessionListener listener = new SMPPServerSessionListener(port)) {
            listener.setMessageReceiverListener(sink);
            listener.setPduProcessorDegree(4);
            System.out.println("smpp sink listening on " + port);
            while (true) {
                SMPPServerSession session = listener.accept();
                new Thread(() -> bind(session)).start();
            }
        }
    }

    static void bind(SMPPServerSession session) {
        try {
            BindRequest req = session.waitForBind(10_000);
            req.accept("benchsmsc");
            System.out.println("bound: " + req.getSystemId() + " " + req.getBindType());
        } catch (Exception e) {
            System.out.println("bind failed: " + e);
        }
    }

    synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            System.out.println("flush failed: " + e);
        }
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source) throws ProcessRequestException {
        long micros = toMicros(Instant.now());
        byte[] msg = sm.getShortMessage();
        int ref = 0, part = 1, total = 1, start = 0;
        // UDHI set: IE 00 (8-bit reference) or 08 (16-bit reference) for concatenated messages
        if ((sm.getEsmClass() & 0x40) != 0 && msg.length > 0) {
            int udhl = msg[0] & 0xff;
            start = 1 + udhl;
            int i = 1;
            while (i + 1 < start) {
                int iei = msg[i] & 0xff, len = msg[i + 1] & 0xff;
                if (iei == 0x00 && len == 3) {
                    ref = msg[i + 2] & 0xff; total = msg[i + 3] & 0xff; part = msg[i + 4] & 0xff;
                } else if (iei == 0x08 && len == 4) {
                    ref = ((msg[i + 2] & 0xff) << 8) | (msg[i + 3] & 0xff); total = msg[i + 4] & 0xff; part = msg[i + 5] & 0xff;
                }
                i += 2 + len;
            }
        }
        boolean ucs2 = (sm.getDataCoding() & 0x0f) == 0x08;
        String text = new String(msg, start, msg.length - start, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
        String line = micros + "\t" + sm.getDestAddress() + "\t" + ref + "\t" + part + "\t" + total + "\t"
                + text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") + "\n";
        synchronized (this) {
            try {
                out.write(line);
            } catch (IOException e) {
                throw new ProcessRequestException("sink cannot write", 0x08);
            }
        }
        try {
            return new SubmitSmResult(new MessageId(Long.toHexString(ids.getAndIncrement())),
                    new org.jsmpp.bean.OptionalParameter[0]);
        } catch (org.jsmpp.PDUStringException e) {
            throw new ProcessRequestException("bad message id", 0x08);
        }
    }

    static long toMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti s, SMPPServerSession src) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession src) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession src) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelSm(CancelSm c, SMPPServerSession src) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession src) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession src) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession src) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm d, Session src) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }
}
