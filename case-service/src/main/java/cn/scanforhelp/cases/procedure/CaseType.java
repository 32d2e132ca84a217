package cn.scanforhelp.cases.procedure;

import java.util.EnumSet;
import java.util.Set;

/** The assistance types (社会救助暂行办法), plus the two a case can be before or instead of one. */
public enum CaseType {
    /** not yet classified by the reviewer (residents rarely know the type) */
    UNCLASSIFIED,
    DIBAO, TEKUN, TEMPORARY,
    DISASTER, MEDICAL, EDUCATION, HOUSING, EMPLOYMENT,
    /** 入户核查 opened from a monitoring alert */
    VERIFICATION;

    /** The township decides these itself. */
    public static final Set<CaseType> DECIDED = EnumSet.of(DIBAO, TEKUN, TEMPORARY);
    /** Decided after a public notice (公示). */
    public static final Set<CaseType> NOTICED = EnumSet.of(DIBAO, TEKUN);
    /** Accepted here and referred (转办) to the responsible department. */
    public static final Set<CaseType> REFERRED = EnumSet.of(DISASTER, MEDICAL, EDUCATION, HOUSING, EMPLOYMENT);
    public static final Set<CaseType> ALL = EnumSet.allOf(CaseType.class);
}
