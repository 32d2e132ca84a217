package cn.scanforhelp.intake.application;

import java.time.LocalDate;
import java.util.List;

/**
 * How an application came in, beyond the resident's own words: the channel, who recorded consent
 * (an operator for a phone call, the clerk at the window), for monitoring alerts the alert itself, and
 * for the walk-in window what the counter saw.
 */
public record Origin(Channel channel, String consentRecordedBy, Alert alert, Counter counter) {

    public static Origin of(Channel channel) {
        return new Origin(channel, null, null, null);
    }

    public static Origin hotline(String operator) {
        return new Origin(Channel.HOTLINE, operator, null, null);
    }

    public static Origin monitoring(Alert alert) {
        return new Origin(Channel.MONITORING, null, alert, null);
    }

    /** An application the clerk records at the township's window (一门受理), the applicant before them. */
    public static Origin window(String clerk, Counter counter) {
        return new Origin(Channel.WINDOW, clerk, null, counter);
    }

    /** A monitoring alert from another department: it opens a verification (入户核查). */
    public record Alert(String source, String reason, LocalDate date) {
    }

    /**
     * What the window clerk saw: the applicant present in person (else someone on their behalf), the
     * ID card seen, and the materials handed in at the counter (names of documents, no personal values).
     */
    public record Counter(boolean inPerson, boolean idSeen, List<String> materialsReceived) {
    }
}
