package cn.scanforhelp.intake.application;

/**
 * Where an application entered: the resident's QR form, a hotline operator, a monitoring alert, or the
 * township's walk-in window (一门受理), where a clerk records it with the applicant at the counter.
 */
public enum Channel {
    QR, HOTLINE, MONITORING, WINDOW;

    /**
     * Recorded by a signed-in member of staff on the applicant's behalf (a hotline operator, a window
     * clerk), not typed by the resident: consent is recorded with the staff member's name, and no
     * per-address or per-phone limit of the public form applies.
     */
    public boolean staffRecorded() {
        return this == HOTLINE || this == WINDOW;
    }
}
