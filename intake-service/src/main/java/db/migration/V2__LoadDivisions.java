package db.migration;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the statistical division codes shipped in {@code reference/divisions-tianshui.csv}
 * (columns code,name,level,parent_code; parents come before children). Another region's file is
 * added as a later migration of the same shape: the code knows nothing about Maiji.
 */
public class V2__LoadDivisions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        load(context, "reference/divisions-tianshui.csv");
    }

    static void load(Context context, String resource) throws Exception {
        try (InputStream in = V2__LoadDivisions.class.getClassLoader().getResourceAsStream(resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                PreparedStatement ps = context.getConnection().prepareStatement(
                        "insert into division (code, name, level, parent_code) values (?, ?, ?, ?) "
                                + "on conflict (code) do update set name = excluded.name, level = excluded.level")) {
            String header = r.readLine();
            if (header == null || !header.replace("\uFEFF", "").startsWith("code,name,level,parent_code")) {
                throw new IllegalStateException(resource + ": unexpected header " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                ps.setString(1, f[0].trim());
                ps.setString(2, f[1].trim());
                ps.setString(3, f[2].trim());
                ps.setString(4, f[3].isBlank() ? null : f[3].trim());
                ps.executeUpdate();
            }
        }
    }
}
