package db.migration;

import cn.scanforhelp.infra.crypto.BindingMigration;
import cn.scanforhelp.intake.personal.IntakeEncryptedColumns;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Binds every stored personal value (applicant's name, ID number, phone, description; caller's phone and
 * notes) to its table, column and row: a ciphertext copied to another row no longer decrypts.
 */
public class V56__bind_personal_fields extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        BindingMigration.run(context.getConnection(), IntakeEncryptedColumns.class);
    }
}
