package cn.scanforhelp.cases.investigation;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.casefile.CaseActions;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.CaseQueries;
import cn.scanforhelp.cases.casefile.CaseStep;
import cn.scanforhelp.cases.household.HouseholdMember;
import cn.scanforhelp.cases.investigation.InvestigationViews.Attachment;
import cn.scanforhelp.cases.investigation.InvestigationViews.Income;
import cn.scanforhelp.cases.investigation.InvestigationViews.InvestigatorIn;
import cn.scanforhelp.cases.investigation.InvestigationViews.InvestigatorOut;
import cn.scanforhelp.cases.investigation.InvestigationViews.RecordIn;
import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.FieldCipher.Binding;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records a case's investigation (入户调查, 家庭经济状况核对) and shows it back, audited. Incomes, assets, findings
 * and the household note are encrypted bound to their row; the investigators are staff, kept in clear for the
 * four-eyes rule ({@link InvestigationGuards}).
 */
@ApplicationScoped
public class InvestigationService {

    static final String TABLE = "investigation_record";

    private final CaseActions actions;
    private final CaseQueries queries;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final StaffScope scope;
    private final AttachmentStore store;
    private final java.time.Clock clock;

    public InvestigationService(CaseActions actions, CaseQueries queries, FieldCipher cipher, AuditLog audit,
            StaffScope scope, AttachmentStore store, java.time.Clock clock) {
        this.actions = actions;
        this.queries = queries;
        this.cipher = cipher;
        this.audit = audit;
        this.scope = scope;
        this.store = store;
        this.clock = clock;
    }

    /** The case must be under investigation for a record or an attachment. */
    static void requireInvestigation(CaseFile c) {
        if (c.status != CaseStatus.INVESTIGATION) {
            throw ProblemException.conflict("investigation-not-open", Map.of("state", c.status.name()), c.status.name());
        }
    }

    @Transactional
    public CaseFile record(UUID caseId, String ifMatch, RecordIn in) {
        CaseFile c = actions.lockForChange(caseId, ifMatch);
        requireInvestigation(c);
        long members = HouseholdMember.count("caseId", c.id);
        validate(in, members);
        OffsetDateTime now = OffsetDateTime.now(clock);
        InvestigationRecord r = new InvestigationRecord();
        r.caseId = c.id;
        r.visitDate = in.visitDate();
        r.householdConfirmed = in.householdConfirmed();
        r.householdMembers = (int) members;
        r.recordedBy = scope.user();
        r.recordedAt = now;
        r.wageIncomeEnc = "";
        r.businessIncomeEnc = "";
        r.propertyIncomeEnc = "";
        r.transferIncomeEnc = "";
        r.findingsEnc = "";
        r.persistAndFlush(); // the id binds the ciphertexts to their row
        r.householdNoteEnc = seal(blankToNull(in.householdNote()), "household_note_enc", r.id);
        r.wageIncomeEnc = seal(in.monthlyIncomeYuan().wage().toPlainString(), "wage_income_enc", r.id);
        r.businessIncomeEnc = seal(in.monthlyIncomeYuan().netBusiness().toPlainString(), "business_income_enc", r.id);
        r.propertyIncomeEnc = seal(in.monthlyIncomeYuan().netProperty().toPlainString(), "property_income_enc", r.id);
        r.transferIncomeEnc = seal(in.monthlyIncomeYuan().netTransfer().toPlainString(), "transfer_income_enc", r.id);
        r.assetsEnc = seal(blankToNull(in.assets()), "assets_enc", r.id);
        r.findingsEnc = seal(in.findings().trim(), "findings_enc", r.id);
        Map<String, InvestigatorIn> distinct = distinct(in.investigators());
        for (InvestigatorIn p : distinct.values()) {
            Investigator i = new Investigator();
            i.recordId = r.id;
            i.caseId = c.id;
            i.userId = p.userId().trim();
            i.name = p.name().trim();
            i.persist();
        }
        c.updatedAt = now;
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.action = "RECORD_INVESTIGATION";
        s.fromStatus = c.status.name();
        s.toStatus = c.status.name();
        s.actor = scope.user();
        s.at = now;
        // staff and dates only: incomes and findings stay in the encrypted record
        s.details = "investigators: " + String.join("、", distinct.keySet()) + "\nvisitDate: " + in.visitDate()
                + "\nhouseholdConfirmed: " + in.householdConfirmed();
        s.persist();
        audit.record(scope, "RECORD_INVESTIGATION", c.id, c.divisionCode, "record " + r.id);
        return c;
    }

    private void validate(RecordIn in, long members) {
        List<FieldError> errors = new ArrayList<>();
        if (distinct(in.investigators()).size() < 2) {
            errors.add(FieldError.of("investigators", "investigators-distinct"));
        }
        LocalDate today = LocalDate.now(clock);
        if (in.visitDate().isAfter(today)) {
            errors.add(FieldError.of("visitDate", "visit-date-future", today));
        }
        if (in.householdConfirmed() && members == 0) {
            errors.add(FieldError.of("householdConfirmed", "household-not-recorded"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    /** The investigators by user id (case-insensitive, trimmed), first mention kept. */
    private static Map<String, InvestigatorIn> distinct(List<InvestigatorIn> in) {
        Map<String, InvestigatorIn> m = new LinkedHashMap<>();
        for (InvestigatorIn p : in) {
            m.putIfAbsent(p.userId().trim().toLowerCase(java.util.Locale.ROOT), p);
        }
        return m;
    }

    @Transactional
    public InvestigationViews.Record get(UUID caseId) {
        CaseFile c = queries.inScope(caseId);
        InvestigationRecord r = InvestigationRecord.find("caseId = ?1 order by id desc", c.id).firstResult();
        if (r == null) {
            throw new ProblemException(404, "investigation-not-recorded");
        }
        audit.record(scope, "READ_INVESTIGATION", c.id, c.divisionCode, "record " + r.id);
        List<InvestigatorOut> who = Investigator.<Investigator>list("recordId = ?1 order by id", r.id).stream()
                .map(i -> new InvestigatorOut(i.userId, i.name)).toList();
        BigDecimal wage = amount(r.wageIncomeEnc, "wage_income_enc", r.id);
        BigDecimal business = amount(r.businessIncomeEnc, "business_income_enc", r.id);
        BigDecimal property = amount(r.propertyIncomeEnc, "property_income_enc", r.id);
        BigDecimal transfer = amount(r.transferIncomeEnc, "transfer_income_enc", r.id);
        return new InvestigationViews.Record(r.id, who, r.visitDate, r.householdConfirmed, r.householdMembers,
                open(r.householdNoteEnc, "household_note_enc", r.id),
                new Income(wage, business, property, transfer, wage.add(business).add(property).add(transfer)),
                open(r.assetsEnc, "assets_enc", r.id), open(r.findingsEnc, "findings_enc", r.id), r.recordedBy,
                r.recordedAt, (int) InvestigationRecord.count("caseId", c.id), attachments(c.id));
    }

    List<Attachment> attachments(UUID caseId) {
        return store.list(caseId).stream().map(m -> new Attachment(m.id(), m.mediaType(), m.sizeBytes(), m.fileName(),
                m.uploadedBy(), m.uploadedAt())).toList();
    }

    private String seal(String plain, String column, long id) {
        return cipher.encrypt(plain, new Binding(TABLE, column, id));
    }

    private String open(String stored, String column, long id) {
        return cipher.decrypt(stored, new Binding(TABLE, column, id));
    }

    private BigDecimal amount(String stored, String column, long id) {
        return new BigDecimal(open(stored, column, id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
