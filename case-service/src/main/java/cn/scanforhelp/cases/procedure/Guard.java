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
    /** the referral outcome closes the case only when every referral (转办) is done, the last one by this outcome */
    ALL_REFERRALS_DONE,
    /** COMPLETE_INVESTIGATION: an investigation record (入户调查) exists, a new one after an objection */
    INVESTIGATION_RECORDED,
    /** APPROVE, REJECT: four eyes, the decider investigated none of the case's visits (types in sfh.four-eyes.types) */
    FOUR_EYES,
    /** APPROVE after a public notice: NOTICE_ENDED and FOUR_EYES */
    NOTICE_ENDED_AND_FOUR_EYES;

    /** The simple guards this one consists of, in the order they are checked (a refusal names the first failing). */
    public java.util.List<Guard> parts() {
        return this == NOTICE_ENDED_AND_FOUR_EYES ? java.util.List.of(NOTICE_ENDED, FOUR_EYES) : java.util.List.of(this);
    }

    /** This guard with {@code added} as well. */
    public Guard and(Guard added) {
        if (this == NONE || this == added) {
            return added;
        }
        if (this == NOTICE_ENDED && added == FOUR_EYES) {
            return NOTICE_ENDED_AND_FOUR_EYES;
        }
        throw new IllegalStateException("no guard combines " + this + " and " + added);
    }
}
