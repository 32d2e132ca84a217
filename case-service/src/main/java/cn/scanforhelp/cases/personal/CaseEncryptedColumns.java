package cn.scanforhelp.cases.personal;

import cn.scanforhelp.cases.casefile.CaseApplication;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.NameSearch;
import cn.scanforhelp.cases.household.HouseholdMember;
import cn.scanforhelp.cases.notice.NoticeObjection;
import cn.scanforhelp.infra.crypto.EncryptedColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * case-service's personal fields at rest, for infra's re-encryption job: the applicant's ID number, phone,
 * name and description; each linked application's description; household members' ID numbers, names,
 * disability, health, work and income. The clear-text columns are those V8 left behind. Every value is
 * bound to its table, column and row (V11 rewrote the older ones; V17 the override reason and objections); the ID numbers' and names' hashes are
 * re-hashed when the hash key rotates.
 */
@ApplicationScoped
public class CaseEncryptedColumns implements EncryptedColumns {

    private static final List<Table> TABLES = List.of(
            new Table("case_file", "id", List.of(Column.bound(CaseFile.ID_NUMBER, "id_number_hash"),
                    Column.bound(CaseFile.PHONE),
                    new Column(CaseFile.NAME, "applicant_name", "applicant_name_hash", true, NameSearch::normalized),
                    new Column(CaseFile.DESCRIPTION, "description", null, true),
                    Column.bound(CaseFile.AMOUNT_REASON))),
            new Table("case_application", "application_id",
                    List.of(new Column(CaseApplication.DESCRIPTION, "description", null, true))),
            new Table("household_member", "id", List.of(Column.bound(HouseholdMember.ID_NUMBER, "id_number_hash"),
                    new Column(HouseholdMember.NAME, "name", null, true),
                    new Column(HouseholdMember.DISABILITY, "disability", null, true),
                    new Column(HouseholdMember.HEALTH, "health", null, true),
                    new Column(HouseholdMember.WORK, "work", null, true),
                    new Column(HouseholdMember.INCOME, "monthly_income_yuan", null, true))),
            // objections filed on the public notice page (V14), bound to their rows since V17
            new Table("notice_objection", "id", List.of(Column.bound(NoticeObjection.NAME),
                    Column.bound(NoticeObjection.CONTACT), Column.bound(NoticeObjection.TEXT))),
            // the investigation record (V12), bound to its rows; an attachment's content (up to 5 MB each) is
            // left out: the job's batches of 200 rows would hold a gigabyte. Keep a retired key until no
            // investigation_attachment.content_enc starts with its id.
            new Table("investigation_record", "id", List.of(Column.bound("household_note_enc"),
                    Column.bound("wage_income_enc"), Column.bound("business_income_enc"),
                    Column.bound("property_income_enc"), Column.bound("transfer_income_enc"),
                    Column.bound("assets_enc"), Column.bound("findings_enc"))),
            new Table("investigation_attachment", "id", List.of(Column.bound("file_name_enc"))),
            // the note of a sampling check (抽查, V21)
            new Table("sampled_case", "id", List.of(Column.bound("note_enc"))));


    @Override
    public List<Table> tables() {
        return TABLES;
    }
}
