package cn.scanforhelp.intake.personal;

import cn.scanforhelp.infra.crypto.EncryptedColumns;
import cn.scanforhelp.intake.application.Application;
import cn.scanforhelp.intake.hotline.HotlineCall;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * intake-service's personal fields at rest, for infra's re-encryption job: the applicant's name, ID number,
 * phone and description; the hotline caller's number and the operator's notes. The clear-text columns are
 * those V52 left behind. ({@code application.cipher_key_id} keeps the key of the row's first write.) Every
 * value is bound to its table, column and row (V56 rewrote the older ones); the hashes beside the ID number
 * and the phones are re-hashed when the hash key rotates.
 */
@ApplicationScoped
public class IntakeEncryptedColumns implements EncryptedColumns {

    private static final List<Table> TABLES = List.of(
            new Table("application", "id", List.of(Column.bound(Application.NAME),
                    Column.bound(Application.ID_NUMBER, "id_number_hash"), Column.bound(Application.PHONE, "phone_hash"),
                    new Column(Application.DESCRIPTION, "description", null, true))),
            new Table("hotline_call", "id", List.of(Column.bound(HotlineCall.CALLER_PHONE, "caller_phone_hash"),
                    new Column(HotlineCall.NOTES, "notes", null, true), Column.bound(HotlineCall.FOLLOW_UP_RESULT))),
            new Table("hotline_draft", "id", List.of(Column.bound(cn.scanforhelp.intake.hotline.HotlineDraft.PAYLOAD))));

    @Override
    public List<Table> tables() {
        return TABLES;
    }
}
