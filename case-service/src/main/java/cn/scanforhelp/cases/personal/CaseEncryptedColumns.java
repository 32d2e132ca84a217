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
                    new Column("description_enc", "description", null))),
            new Table("case_application", "application_id", List.of(new Column("description_enc", "description", null))),
            new Table("household_member", "id", List.of(Column.of("id_number_enc"),
                    new Column("name_enc", "name", null), new Column("disability_enc", "disability", null),
                    new Column("health_enc", "health", null), new Column("work_enc", "work", null),
                    new Column("monthly_income_enc", "monthly_income_yuan", null))),
            // the investigation record (V12), bound to its rows; an attachment's content (up to 5 MB each) is
            // left out: the job's batches of 200 rows would hold a gigabyte. Keep a retired key until no
            // investigation_attachment.content_enc starts with its id.
            new Table("investigation_record", "id", List.of(Column.bound("household_note_enc"),
                    Column.bound("wage_income_enc"), Column.bound("business_income_enc"),
                    Column.bound("property_income_enc"), Column.bound("transfer_income_enc"),
                    Column.bound("assets_enc"), Column.bound("findings_enc"))),
            new Table("investigation_attachment", "id", List.of(Column.bound("file_name_enc"))));

    @Override
    public List<Table> tables() {
        return TABLES;
    }
}
