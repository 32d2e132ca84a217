package cn.scanforhelp.notification.smpp;

import cn.scanforhelp.notification.config.SmsConfig;
import cn.scanforhelp.notification.sending.RateLimiter;
import cn.scanforhelp.notification.sending.Segments;
import cn.scanforhelp.notification.sending.SmsProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;

/**
 * SMPP 3.4 over jSMPP: one transceiver bind (sends submit_sm, receives receipts and MO on the same
 * link), enquire_link every {@code sms.smpp.enquire-link-interval}, and a connector thread that
 * rebinds with exponential backoff whenever the link drops. Every submit_sm passes the rate limiter
 * (per PDU, so a two-part message costs two permits) and a window of outstanding submits.
 *
 * <p>The rate and window are per bound session, i.e. per replica: with several replicas, set
 * {@code sms.smpp.rate-per-second} to the SMSC's limit divided by the number of replicas.
 */
public class SmppGateway implements SmsProvider, MessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SmppGateway.class);

    /** Refusals no retry can fix: bad lengths, addresses, TON/NPI, or the SMSC's "permanent" code. */
    static final Set<Integer> PERMANENT = Set.of(0x01, 0x0A, 0x0B, 0x0C, 0x48, 0x49, 0x50, 0x51, 0x66);

    private final SmsConfig.Smpp config;
    private final String sender;
    private final InboundHandler inbound;
    private final RateLimiter limiter;
    private final Semaphore window;
    private final Object lock = new Object();
    private volatile SMPPSession session;
    private volatile boolean running;
    private Thread connector;

    public SmppGateway(SmsConfig config, InboundHandler inbound) {
        this.config = config.smpp();
        this.sender = config.sender();
        this.inbound = inbound;
        this.limiter = new RateLimiter(this.config.ratePerSecond());
        this.window = new Semaphore(this.config.window(), true);
    }

    @Override
    public String name() {
        return "smpp";
    }

    public void start() {
        running = true;
        connector = new Thread(this::connectLoop, "smpp-connector");
        connector.setDaemon(true);
        connector.start();
    }

    public void stop() {
        running = false;
        if (connector != null) {
            connector.interrupt();
        }
        SMPPSession s = session;
        if (s != null) {
            s.unbindAndClose();
        }
    }

    public boolean isBound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    /** Keeps one bound session; after a drop, rebinds after 1 s, 2 s, 4 s … up to reconnect-max. */
    private void connectLoop() {
        long delay = config.reconnectInitial().toMillis();
        while (running) {
            if (isBound()) {
                delay = config.reconnectInitial().toMillis();
                synchronized (lock) {
                    try {
                        lock.wait(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            SMPPSession old = session;
            if (old != null) {
                old.close();
            }
            SMPPSession s = new SMPPSession();
            s.setEnquireLinkTimer((int) config.enquireLinkInterval().toMillis());
            s.setTransactionTimer(config.responseTimeout().toMillis());
            s.setMessageReceiverListener(this);
            try {
                s.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                        config.password(), config.systemType().orElse(""), TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN, null), config.responseTimeout().toMillis());
                session = s;
                LOG.infof("SMPP bound as transceiver to %s:%d", config.host(), config.port());
            } catch (IOException e) {
                s.close();
                long sleep = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
                LOG.warnf("SMPP bind to %s:%d failed (%s); retrying in %d ms", config.host(), config.port(),
                        e.getMessage(), sleep);
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException ie) {
                    return;
                }
                delay = Math.min(config.reconnectMax().toMillis(), delay * 2);
            }
        }
    }

    @Override
    public Result submit(Outgoing m, int fromPart) {
        List<byte[]> parts = Segments.encode(m.text(), m.udhReference());
        ESMClass esm = parts.size() > 1
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        List<String> ids = new ArrayList<>();
        for (int i = fromPart; i < parts.size(); i++) {
            SMPPSession s = session;
            if (s == null || !s.getSessionState().isBound()) {
                return new Result(Outcome.TRANSIENT, ids, "link down");
            }
            try {
                window.acquire();
                try {
                    limiter.acquire();
                    SubmitSmResult r = s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                            sender, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, m.phone(), esm, (byte) 0,
                            (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                            (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, parts.get(i));
                    ids.add(r.getMessageId());
                } finally {
                    window.release();
                }
            } catch (NegativeResponseException e) {
                String err = "SMSC refused: 0x" + Integer.toHexString(e.getCommandStatus());
                return new Result(PERMANENT.contains(e.getCommandStatus()) ? Outcome.PERMANENT : Outcome.TRANSIENT,
                        ids, err);
            } catch (ResponseTimeoutException | InvalidResponseException | IOException e) {
                // The PDU may have reached the SMSC: only the caller can decide whether to send again.
                return new Result(Outcome.UNKNOWN, ids, e.getClass().getSimpleName());
            } catch (PDUException e) {
                return new Result(Outcome.PERMANENT, ids, "invalid PDU: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(Outcome.TRANSIENT, ids, "interrupted before submit");
            }
        }
        return Result.accepted(ids);
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm d) throws ProcessRequestException {
        try {
            if (MessageType.SMSC_DEL_RECEIPT.containedIn(d.getEsmClass())) {
                DeliveryReceipt r = d.getShortMessageAsDeliveryReceipt();
                inbound.receipt(r.getId(), r.getFinalStatus().name(), r.getError());
            } else {
                inbound.reply(d.getSourceAddr(), decode(d));
            }
        } catch (RuntimeException | org.jsmpp.util.InvalidDeliveryReceiptException e) {
            LOG.warnf("deliver_sm not processed (%s); the SMSC will deliver it again", e.getClass().getSimpleName());
            throw new ProcessRequestException("not processed", 0x08);
        }
    }

    static String decode(DeliverSm d) {
        byte[] b = d.getShortMessage() == null ? new byte[0] : d.getShortMessage();
        int offset = 0;
        if (GSMSpecificFeature.UDHI.containedIn(d.getEsmClass()) && b.length > 0) {
            offset = Math.min(b.length, (b[0] & 0xff) + 1);
        }
        boolean ucs2 = (d.getDataCoding() & 0x0f) == 0x08 || d.getDataCoding() == 0x08;
        return new String(b, offset, b.length - offset, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
    }

    @Override
    public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alert) {
        // not used
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", 0x03);
    }
}
