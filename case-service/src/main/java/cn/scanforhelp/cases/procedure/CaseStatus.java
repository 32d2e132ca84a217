package cn.scanforhelp.cases.procedure;

/** The states of a case. The status the resident sees (intake's look-up) is {@link #residentStatus()}. */
public enum CaseStatus {
    RECEIVED, MATERIALS_REQUESTED, INVESTIGATION, REVIEW, PUBLIC_NOTICE,
    APPROVED, REJECTED, NOT_ACCEPTED, REFERRED, WITHDRAWN, CLOSED;

    /** No more work: the person's next application opens a new case. */
    public boolean finished() {
        return this == CLOSED;
    }

    /** The decision has been taken (or the case left the township's hands). */
    public boolean decided() {
        return this == APPROVED || this == REJECTED || this == NOT_ACCEPTED || this == REFERRED
                || this == WITHDRAWN || this == CLOSED;
    }

    /** The words of the contract with intake (docs/contracts.md). */
    public String residentStatus() {
        return switch (this) {
            case INVESTIGATION -> "ACCEPTED"; // 已受理: the investigation follows the acceptance
            case REVIEW -> "UNDER_REVIEW";
            default -> name();
        };
    }
}
