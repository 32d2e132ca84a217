package cn.scanforhelp.cases.procedure;

/** Conditions beyond the state that a row of the procedure may require; a row may require several. */
public enum Guard {
    /** the decision deadline may be extended once only */
    NOT_YET_EXTENDED,
    /** emergency aid is granted once */
    NO_EMERGENCY_AID_YET,
    /** approval only after the 7 days of public notice have passed */
    NOTICE_ENDED,
    /** the referral outcome closes the case only when every referral (转办) is done, the last one by this outcome */
    ALL_REFERRALS_DONE,
    /** COMPLETE_INVESTIGATION: an investigation record (入户调查) exists, a new one after an objection */
    INVESTIGATION_RECORDED,
    /** APPROVE, REJECT: four eyes, the decider investigated none of the case's visits (types in sfh.four-eyes.types) */
    FOUR_EYES
}
