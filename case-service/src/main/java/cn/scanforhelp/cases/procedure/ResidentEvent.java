package cn.scanforhelp.cases.procedure;

/** What the resident is told by SMS (notification-service's event types, docs/contracts.md). */
public enum ResidentEvent {
    RECEIVED, ACCEPTED, MATERIALS_REQUESTED, NOT_ACCEPTED, EXTENDED, PUBLIC_NOTICE, APPROVED, REJECTED,
    EMERGENCY_AID, REFERRED, CLOSED,
    TRANSFERRED,
    /** the applicant withdrew the application */
    WITHDRAWN,
    /** an objection during the public notice reopened the investigation */
    OBJECTION_RECORDED
}
