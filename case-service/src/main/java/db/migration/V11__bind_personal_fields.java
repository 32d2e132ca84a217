package db.migration;

import cn.scanforhelp.cases.personal.CaseEncryptedColumns;
import cn.scanforhelp.infra.crypto.BindingMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Binds every stored personal value (the applicant's name, ID number, phone and description, linked
 * applications' descriptions, household members' values) to its table, column and row: a ciphertext
 * copied to another row no longer decrypts.
 */
public class V11__bind_personal_fields extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        BindingMigration.run(context.getConnection(), CaseEncryptedColumns.class);
    }
}
