package cn.scanforhelp.cases.investigation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One investigation of a case (入户调查, 家庭经济状况核对). Incomes (yuan per month), assets, findings and the
 * household note are encrypted, each bound to its column and row.
 */
@Entity
@Table(name = "investigation_record")
public class InvestigationRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "visit_date")
    public LocalDate visitDate;
    @Column(name = "household_confirmed")
    public boolean householdConfirmed;
    /** household members recorded for the case (GET/PUT …/household) when the record was made */
    @Column(name = "household_members")
    public int householdMembers;
    @Column(name = "household_note_enc")
    public String householdNoteEnc;
    @Column(name = "wage_income_enc")
    public String wageIncomeEnc;
    @Column(name = "business_income_enc")
    public String businessIncomeEnc;
    @Column(name = "property_income_enc")
    public String propertyIncomeEnc;
    @Column(name = "transfer_income_enc")
    public String transferIncomeEnc;
    @Column(name = "assets_enc")
    public String assetsEnc;
    @Column(name = "findings_enc")
    public String findingsEnc;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
