package cn.scanforhelp.notification.event;

/** The case transitions a resident hears about (docs/contracts.md, case → notification). */
public enum EventType {
    RECEIVED, ACCEPTED, MATERIALS_REQUESTED, NOT_ACCEPTED, EXTENDED, PUBLIC_NOTICE, APPROVED, REJECTED,
    EMERGENCY_AID, REFERRED, CLOSED,
    /** 移交: the case went to another township (the resident applied in the wrong place); its deadlines run on */
    TRANSFERRED,
    /** the applicant withdrew */
    WITHDRAWN,
    /** an objection during the public notice reopened the investigation */
    OBJECTION_RECORDED
}
