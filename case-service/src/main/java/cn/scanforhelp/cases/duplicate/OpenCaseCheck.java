package cn.scanforhelp.cases.duplicate;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Before an operator saves an application taken by phone: does this ID number already have an open case? The
 * answer names only the township and the status (the operator tells the caller where it stands), never who.
 * Every township is searched: a caller who applied in another township is exactly the duplicate to avoid.
 */
@ApplicationScoped
public class OpenCaseCheck {

    private static final List<CaseStatus> OPEN = java.util.Arrays.stream(CaseStatus.values())
            .filter(s -> !s.decided()).toList();

    private final FieldCipher cipher;
    private final AuditLog audit;

    public OpenCaseCheck(FieldCipher cipher, AuditLog audit) {
        this.cipher = cipher;
        this.audit = audit;
    }

    @Schema(name = "OpenCase", description = "An undecided case of the ID number: where and how far, no personal data")
    public record OpenCase(@Schema(maxLength = 100, example = "利桥镇") String townshipName,
            @Schema(example = "INVESTIGATION") CaseStatus status) {
    }

    @Schema(name = "OpenCaseQuery", description = "The ID number to check (in the body, never in a URL)")
    public record Query(@Schema(required = true, maxLength = 18, example = "620503198001011237") String idNumber) {
    }

    @Transactional
    public List<OpenCase> openCases(String idNumber, StaffScope who) {
        String id = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
        if (!id.matches("[0-9]{17}[0-9X]")) {
            throw ProblemException.validation(List.of(FieldError.of("idNumber", "id-number.format")));
        }
        // closedAt is null for every undecided case: it lets the partial index case_file_person_open (V1) serve
        List<OpenCase> found = CaseFile.<CaseFile>list("idNumberHash in ?1 and closedAt is null and status in ?2"
                + " order by receivedAt",
                cipher.hashes(id), OPEN).stream().map(c -> new OpenCase(c.townshipName, c.status)).toList();
        audit.record(who, "CHECK_OPEN_CASES", null, who.division(), found.size() + " open");
        return found;
    }
}
