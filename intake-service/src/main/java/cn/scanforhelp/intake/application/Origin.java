package cn.scanforhelp.intake.application;

import java.time.LocalDate;

/**
 * How an application came in, beyond the resident's own words: the channel, who recorded consent
 * (an operator for a phone call), and for monitoring alerts the alert itself.
 */
public record Origin(Channel channel, String consentRecordedBy, Alert alert) {

    public static Origin of(Channel channel) {
        return new Origin(channel, null, null);
    }

    public static Origin hotline(String operator) {
        return new Origin(Channel.HOTLINE, operator, null);
    }

    public static Origin monitoring(Alert alert) {
        return new Origin(Channel.MONITORING, null, alert);
    }

    /** A monitoring alert from another department: it opens a verification (入户核查). */
    public record Alert(String source, String reason, LocalDate date) {
    }
}
