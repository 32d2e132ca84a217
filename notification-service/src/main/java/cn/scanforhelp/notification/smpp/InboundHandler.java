package cn.scanforhelp.notification.smpp;

/** What the SMSC sends us: delivery receipts and residents' messages (MO). */
public interface InboundHandler {

    /** {@code state} is the receipt's stat (DELIVRD, UNDELIV, EXPIRED, REJECTD …). */
    void receipt(String smscMessageId, String state, String errorCode);

    void reply(String fromPhone, String text);
}
