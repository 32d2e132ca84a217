package cn.scanforhelp.cases.procedure;

/** The statutory clocks of a case, and what an action does to them. */
public final class Clock {

    private Clock() {
    }

    public enum Kind {
        /** 3 working days from receipt to accept or not */
        ACCEPTANCE,
        /** from acceptance to decision (per type), extendable once */
        DECISION,
        /** urgent cases: aid within 1 working day */
        EMERGENCY_AID,
        /** 7 calendar days of public notice */
        PUBLIC_NOTICE
    }

    public enum Effect { START, PAUSE, RESUME, STOP, EXTEND }

    /** One effect on one clock, e.g. {@code STOP ACCEPTANCE}. */
    public record Change(Effect effect, Kind kind) {
        @Override
        public String toString() {
            return effect + " " + kind;
        }
    }

    public static Change start(Kind k) { return new Change(Effect.START, k); }
    public static Change pause(Kind k) { return new Change(Effect.PAUSE, k); }
    public static Change resume(Kind k) { return new Change(Effect.RESUME, k); }
    public static Change stop(Kind k) { return new Change(Effect.STOP, k); }
    public static Change extend(Kind k) { return new Change(Effect.EXTEND, k); }
}
