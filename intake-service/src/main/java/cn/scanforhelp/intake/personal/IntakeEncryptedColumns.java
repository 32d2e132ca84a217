package cn.scanforhelp.intake.personal;

import cn.scanforhelp.infra.crypto.EncryptedColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * intake-service's personal fields at rest, for infra's re-encryption job: the applicant's name, ID number,
 * phone and description; the hotline caller's number and the operator's notes. The clear-text columns are
 * those V52 left behind. ({@code application.cipher_key_id} keeps the key of the row's first write.)
 */
@ApplicationScoped
public class IntakeEncryptedColumns implements EncryptedColumns {

    private static final List<Table> TABLES = List.of(
            new Table("application", "id", List.of(Column.of("applicant_name"), Column.of("id_number"),
                    Column.of("phone"), new Column("description_enc", "description", null))),
            new Table("hotline_call", "id", List.of(Column.of("caller_phone"), new Column("notes_enc", "notes", null))));

    @Override
    public List<Table> tables() {
        return TABLES;
    }
}
