package cn.scanforhelp.infra.audit;

import cn.scanforhelp.infra.persistence.NativeWrite;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;

/**
 * The append-only trail of staff reads of personal data in services that keep no case (intake's
 * applications, caller searches and alert imports; notification's messages): who, when, what, which
 * record, in which division. Each service's own migrations create {@code staff_audit} with the trigger that
 * refuses UPDATE, DELETE and TRUNCATE. Written in the read's transaction, so a read whose record cannot be
 * written fails too. The subject is an id, a tracking number or a keyed hash: never personal data in clear.
 */
@ApplicationScoped
public class StaffAudit {

    private final EntityManager em;
    private final StaffScope scope;
    private final Clock clock;

    public StaffAudit(EntityManager em, StaffScope scope, Clock clock) {
        this.em = em;
        this.scope = scope;
        this.clock = clock;
    }

    /** {@code divisionCode} null: the caller's own division (an import, a search); none for a service account. */
    @Transactional
    public void record(String action, String subject, String divisionCode, String detail) {
        NativeWrite.toTableWithoutEntity(em, "staff_audit", """
                insert into staff_audit (at, actor, roles, action, subject, division_code, detail)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, OffsetDateTime.now(clock))
                .setParameter(2, scope.user())
                .setParameter(3, scope.roles().stream().sorted().collect(Collectors.joining(",")))
                .setParameter(4, action)
                .setParameter(5, subject)
                .setParameter(6, divisionCode != null || scope.isServiceAccount() ? divisionCode : scope.division())
                .setParameter(7, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000))
                .executeUpdate();
    }
}
