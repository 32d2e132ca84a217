package cn.scanforhelp.cases.household;

import cn.scanforhelp.infra.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A member of the applicant's household. The ID number is encrypted, with its keyed hash beside it. */
@Entity
@Table(name = "household_member")
public class HouseholdMember extends PanacheEntityBase {

    /** The encrypted columns: each value is bound to its column and row ({@link #at}; the row's id first). */
    public static final String NAME = "name_enc";
    public static final String ID_NUMBER = "id_number_enc";
    public static final String DISABILITY = "disability_enc";
    public static final String HEALTH = "health_enc";
    public static final String WORK = "work_enc";
    public static final String INCOME = "monthly_income_enc";

    /** Where a value of this member is stored (the id exists once the row is persisted). */
    public FieldCipher.Binding at(String column) {
        return new FieldCipher.Binding("household_member", column, id);
    }
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public UUID caseId;
    public String relation;
    /** name, disability, health, work and income were in clear before V8; the re-encryption job moves them. */
    public String name;
    @Column(name = "name_enc")
    public String nameEnc;
    @Column(name = "id_number_enc")
    public String idNumberEnc;
    @Column(name = "id_number_hash")
    public String idNumberHash;
    public Integer age;
    public String disability;
    @Column(name = "disability_enc")
    public String disabilityEnc;
    public String health;
    @Column(name = "health_enc")
    public String healthEnc;
    public String work;
    @Column(name = "work_enc")
    public String workEnc;
    @Column(name = "monthly_income_yuan")
    public BigDecimal monthlyIncomeYuan;
    @Column(name = "monthly_income_enc")
    public String monthlyIncomeEnc;
}
