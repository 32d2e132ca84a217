package db.migration;

import cn.scanforhelp.cases.personal.CaseEncryptedColumns;
import cn.scanforhelp.infra.crypto.BindingMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Binds the values V11 left unbound to their table, column and row: an approval's override reason
 * ({@code case_file.amount_reason_enc}) and the objector's name, contact and text of each objection filed on a
 * public notice ({@code notice_objection}). Rows already bound are not touched (only rows behind are rewritten).
 */
public class V17__bind_objections_and_amount_reason extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        BindingMigration.run(context.getConnection(), CaseEncryptedColumns.class);
    }
}
