package cn.scanforhelp.intake.application;

/** Where an application entered: the resident's QR form, a hotline operator, a monitoring alert. */
public enum Channel {
    QR, HOTLINE, MONITORING;

    /**
     * Recorded by a staff member on the resident's behalf (the hotline; the township's window too): the staff
     * member can tell the resident by phone, so a mobile number for SMS is optional (a landline caller, or none).
     */
    public boolean staffRecorded() {
        return this == HOTLINE;
    }
}
