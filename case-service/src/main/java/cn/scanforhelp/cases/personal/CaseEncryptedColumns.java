package cn.scanforhelp.cases.personal;

import cn.scanforhelp.infra.crypto.EncryptedColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * case-service's personal fields at rest, for infra's re-encryption job: the applicant's ID number, phone,
 * name and description; each linked application's description; household members' ID numbers, names,
 * disability, health, work and income. The clear-text columns are those V8 left behind.
 */
@ApplicationScoped
public class CaseEncryptedColumns implements EncryptedColumns {

    private static final List<Table> TABLES = List.of(
            new Table("case_file", "id", List.of(Column.of("id_number_enc"), Column.of("phone_enc"),
                    new Column("applicant_name_enc", "applicant_name", "applicant_name_hash"),
                    new Column("description_enc", "description", null),
                    Column.of("amount_reason_enc"))),
            new Table("case_application", "application_id", List.of(new Column("description_enc", "description", null))),
            new Table("household_member", "id", List.of(Column.of("id_number_enc"),
                    new Column("name_enc", "name", null), new Column("disability_enc", "disability", null),
                    new Column("health_enc", "health", null), new Column("work_enc", "work", null),
                    new Column("monthly_income_enc", "monthly_income_yuan", null))));

    @Override
    public List<Table> tables() {
        return TABLES;
    }
}
