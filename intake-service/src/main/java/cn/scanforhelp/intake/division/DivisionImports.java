package cn.scanforhelp.intake.division;

import cn.scanforhelp.infra.audit.StaffAudit;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

import org.hibernate.Session;

/**
 * The admin's import of a division file ({@link DivisionFile}) for the admin's own division: a province's
 * admin loads the province, a county's admin the county. Ancestors named in the file (a county file names its
 * city) are added if missing and otherwise left as they are; a division outside both is refused before anything
 * is written. All or nothing, audited, and idempotent (the same file twice changes nothing).
 */
@ApplicationScoped
public class DivisionImports {

    private final EntityManager em;
    private final StaffScope scope;
    private final StaffAudit audit;
    private final java.time.Clock clock;

    public DivisionImports(EntityManager em, StaffScope scope, StaffAudit audit, java.time.Clock clock) {
        this.em = em;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public DivisionImport.Result importFile(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new ProblemException(400, "batch-empty");
        }
        String mine = scope.division();
        DivisionFile.Parsed file;
        try {
            file = DivisionFile.read(new StringReader(csv), code -> Division.findById(code) != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        if (!file.errors().isEmpty()) {
            throw ProblemException.validation(file.errors());
        }
        List<String> outside = file.rows().stream().map(DivisionFile.Row::code)
                .filter(code -> !code.startsWith(mine) && !mine.startsWith(code)).limit(5).toList();
        if (!outside.isEmpty()) {
            throw ProblemException.validation(outside.stream()
                    .map(code -> FieldError.of("code " + code, "division.out-of-scope")).toList());
        }
        DivisionImport.Result result = em.unwrap(Session.class).doReturningWork(c -> DivisionImport.apply(c,
                file.rows(), new DivisionImport.Plan(mine, true), OffsetDateTime.now(clock)));
        em.getEntityManagerFactory().getCache().evict(Division.class);
        audit.record("IMPORT_DIVISIONS", String.join(",", result.roots()), null, String.format(
                "added %d, changed %d, reactivated %d, deactivated %d, unchanged %d", result.added(), result.changed(),
                result.reactivated(), result.deactivated(), result.unchanged()));
        return result;
    }

}
