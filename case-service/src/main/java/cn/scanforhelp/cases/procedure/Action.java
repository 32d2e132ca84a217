package cn.scanforhelp.cases.procedure;

/** What a reviewer can do to a case. Which action is allowed when is {@link Procedure}. */
public enum Action {
    ACCEPT, REQUEST_MATERIALS, RECEIVE_MATERIALS, NOT_ACCEPT, CLASSIFY, COMPLETE_INVESTIGATION,
    START_PUBLIC_NOTICE, RECORD_OBJECTION, APPROVE, REJECT, EXTEND, GRANT_EMERGENCY_AID, REFER,
    RECORD_REFERRAL_OUTCOME, WITHDRAW, CLOSE,
    /** 移交: to another township of the service area (the resident applied in the wrong place) */
    TRANSFER
}
