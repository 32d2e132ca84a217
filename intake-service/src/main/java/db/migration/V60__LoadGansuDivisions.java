package db.migration;

import cn.scanforhelp.intake.division.DivisionFile;
import cn.scanforhelp.intake.division.DivisionImport;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The shipped default: every division of Gansu down to its villages ({@code reference/divisions-gansu-2023.csv},
 * NBS 2023, 19,224 rows; Maiji's 420 villages among them), so that village posters and the form's village list
 * work out of the box. Only missing divisions are added: names, hotlines and deactivations a district made stay.
 * Another region is loaded by the admin's import ({@code POST /api/v1/divisions/import}), not by a release.
 */
public class V60__LoadGansuDivisions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String resource = "reference/divisions-gansu-2023.csv";
        try (Reader in = new InputStreamReader(
                V60__LoadGansuDivisions.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            DivisionFile.Parsed file = DivisionFile.read(in, code -> false);
            if (!file.errors().isEmpty()) {
                throw new IllegalStateException(resource + ": " + file.errors().get(0));
            }
            DivisionImport.apply(context.getConnection(), file.rows(), new DivisionImport.Plan(null, false),
                    OffsetDateTime.now(ZoneOffset.UTC));
        }
    }
}
