package cn.scanforhelp.notification.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
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
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A real SMPP server for tests (jSMPP's server side on 127.0.0.1, a free port): accepts binds,
 * records every submit_sm, can answer throttled (0x58) or with another error, can hold its answer,
 * can be stopped and started again on the same port, and sends delivery receipts and MO messages.
 */
public class TestSmsc implements QuarkusTestResourceLifecycleManager, ServerMessageReceiverListener {

    public record Submit(String to, byte esmClass, byte dataCoding, byte registeredDelivery, byte[] message,
            String messageId, long atMillis) {
        public boolean concatenated() {
            return GSMSpecificFeature.UDHI.containedIn(esmClass);
        }

        /** The part's text without its UDH. */
        public String text() {
            int off = concatenated() ? (message[0] & 0xff) + 1 : 0;
            return new String(message, off, message.length - off, StandardCharsets.UTF_16BE);
        }
    }

    private static final TestSmsc INSTANCE = new TestSmsc();

    private final List<Submit> submits = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final AtomicInteger refuseNext = new AtomicInteger();
    private volatile int refuseWith = 0x58;
    private volatile long holdAnswerMillis;
    private volatile Runnable beforeAnswer;
    private volatile SMPPServerSessionListener listener;
    private volatile boolean up;
    private int port;

    public static TestSmsc get() {
        return INSTANCE;
    }

    @Override
    public Map<String, String> start() {
        synchronized (INSTANCE) {
            if (INSTANCE.port == 0) {
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    INSTANCE.port = s.getLocalPort();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                INSTANCE.up();
            }
        }
        return Map.of("sms.provider", "smpp", "sms.smpp.host", "127.0.0.1",
                "sms.smpp.port", String.valueOf(INSTANCE.port));
    }

    @Override
    public void stop() {
        // kept for the JVM: every test class shares it
    }

    public synchronized void up() {
        if (up) {
            return;
        }
        try {
            listener = new SMPPServerSessionListener(port, new LoopbackOnly());
        } catch (IOException e) {
            throw new IllegalStateException("test SMSC cannot listen on " + port, e);
        }
        listener.setMessageReceiverListener(this);
        up = true;
        SMPPServerSessionListener l = listener;
        Thread t = new Thread(() -> acceptLoop(l), "test-smsc-accept");
        t.setDaemon(true);
        t.start();
    }

    /** Closes the port and every session, as an SMSC going away. */
    public synchronized void down() {
        up = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
    }

    private void acceptLoop(SMPPServerSessionListener l) {
        while (up && l == listener) {
            try {
                SMPPServerSession s = l.accept();
                Thread t = new Thread(() -> bind(s), "test-smsc-bind");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession s) {
        try {
            BindRequest req = s.waitForBind(5000);
            req.accept("test-smsc", InterfaceVersion.IF_34);
            sessions.add(s);
        } catch (Exception e) {
            s.close();
        }
    }

    public boolean hasBoundSession() {
        return sessions.stream().anyMatch(s -> s.getSessionState().isBound());
    }

    public void refuseNext(int count, int commandStatus) {
        refuseWith = commandStatus;
        refuseNext.set(count);
    }

    public void holdAnswers(long millis) {
        holdAnswerMillis = millis;
    }

    /** Runs once, on the next submit_sm, after recording it and before answering it. */
    public void beforeNextAnswer(Runnable action) {
        beforeAnswer = action;
    }

    public List<Submit> submits() {
        return new ArrayList<>(submits);
    }

    public List<Submit> submitsTo(String phone) {
        return submits.stream().filter(s -> s.to().equals(phone)).toList();
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source) throws ProcessRequestException {
        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ProcessRequestException("refused for the test", refuseWith);
        }
        String id = Long.toHexString(ids.incrementAndGet());
        submits.add(new Submit(sm.getDestAddress(), sm.getEsmClass(), sm.getDataCoding(), sm.getRegisteredDelivery(),
                sm.getShortMessage(), id, System.currentTimeMillis()));
        Runnable before = beforeAnswer;
        beforeAnswer = null;
        if (before != null) {
            before.run();
        }
        long hold = holdAnswerMillis;
        if (hold > 0) {
            try {
                Thread.sleep(hold);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (org.jsmpp.PDUStringException e) {
            throw new ProcessRequestException("bad id", 0x08);
        }
    }

    /** A delivery receipt (deliver_sm with esm_class "SMSC delivery receipt") for one submitted part. */
    public void receipt(Submit part, DeliveryReceiptState state) throws Exception {
        receipt(part, part.messageId(), state);
    }

    /** A receipt that names the part with {@code id} (e.g. the decimal form of a hexadecimal id). */
    public void receipt(Submit part, String id, DeliveryReceiptState state) throws Exception {
        DeliveryReceipt r = new DeliveryReceipt(id, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                new Date(), new Date(), state, state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
        session().deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, part.to(),
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "106900000001",
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), GeneralDataCoding.DEFAULT,
                r.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** A message from a resident's phone (MO), in UCS-2. */
    public void mo(String fromPhone, String text) throws Exception {
        session().deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, fromPhone,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "106900000001", new ESMClass(), (byte) 0,
                (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                text.getBytes(StandardCharsets.UTF_16BE));
    }

    private SMPPServerSession session() {
        return sessions.stream().filter(s -> s.getSessionState().isBound()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no bound session"));
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti s, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelSm(CancelSm c, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm d, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    /** Listens on 127.0.0.1 only, with SO_REUSEADDR so a restart gets the same port back at once. */
    static final class LoopbackOnly implements ServerConnectionFactory {
        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            s.setSoTimeout(timeout);
            return new ServerSocketConnection(s);
        }
    }
}
