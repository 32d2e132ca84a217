package cn.scanforhelp.notification.message;

/** Where a message is; see V1__sms.sql. */
public enum SmsStatus {
    /** Waiting to be sent (new, in quiet hours, or waiting for a retry). */
    PENDING,
    /** Claimed by a sender; submit_sm under way. */
    SUBMITTING,
    /** Every part accepted by the SMSC (or logged, with the log provider). */
    SENT,
    DELIVERED,
    UNDELIVERABLE,
    EXPIRED,
    /** Refused permanently (e.g. invalid number) or still failing at the give-up time. */
    FAILED,
    /** The outcome of a submit could not be known twice: left for an operator, never resent blindly. */
    UNKNOWN,
    /** Over the daily SMS budget (sms.budget, SmsBudget): kept, shown to staff, never sent by the sender. */
    HELD
}
