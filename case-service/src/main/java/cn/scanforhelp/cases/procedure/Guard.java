package cn.scanforhelp.cases.procedure;

/** Conditions beyond the state that a row of the procedure may require. */
public enum Guard {
    NONE,
    /** the decision deadline may be extended once only */
    NOT_YET_EXTENDED,
    /** emergency aid is granted once */
    NO_EMERGENCY_AID_YET,
    /** approval only after the 7 days of public notice have passed */
    NOTICE_ENDED,
    /** the referral outcome closes the case only when every referral (转办) of it is done */
    ALL_REFERRALS_DONE
}
