package cn.scanforhelp.cases.procedure;

/** Fields an action's body must carry (besides {@code action} and the optional {@code note}). */
public enum Field {
    /** CLASSIFY: the assistance type */
    TYPE("type"),
    /** NOT_ACCEPT, REJECT, EXTEND: why */
    REASON("reason"),
    /** REQUEST_MATERIALS: every missing item at once (一次性告知) */
    MATERIALS("materials"),
    /** REFER: the receiving department */
    DEPARTMENT("department"),
    /** APPROVE of TEMPORARY: the amount in yuan */
    AMOUNT("amount"),
    /** RECORD_REFERRAL_OUTCOME, RECORD_OBJECTION: what the department answered / what was objected */
    OUTCOME("outcome"),
    /** TRANSFER: the receiving township or subdistrict (9 digits, in the service area) */
    TARGET_DIVISION("targetDivisionCode");

    public final String json;

    Field(String json) {
        this.json = json;
    }
}
