package cn.scanforhelp.cases.audit;

import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Collectors;

/** Appends to the audit trail in the caller's transaction: the read or change and its record go together. */
@ApplicationScoped
public class AuditLog {

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(StaffScope who, String action, UUID caseId, String divisionCode, String detail) {
        record(who.user(), who.roles().stream().sorted().collect(Collectors.joining(",")), action, caseId,
                divisionCode, detail);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String roles, String action, UUID caseId, String divisionCode, String detail) {
        entry(OffsetDateTime.now(clock), actor, roles, action, caseId, divisionCode, detail).persist();
    }

    /** The line {@link #record} appends, not yet written: for a caller that writes many at once. */
    public static AuditEntry entry(OffsetDateTime at, String actor, String roles, String action, UUID caseId, String divisionCode,
            String detail) {
        AuditEntry e = new AuditEntry();
        e.at = at;
        e.actor = actor;
        e.roles = roles;
        e.action = action;
        e.caseId = caseId;
        e.divisionCode = divisionCode;
        e.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        return e;
    }
}
