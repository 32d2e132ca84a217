package cn.scanforhelp.intake.application;

/** Where an application entered: the resident's QR form, a hotline operator, a monitoring alert. */
public enum Channel {
    QR, HOTLINE, MONITORING
}
