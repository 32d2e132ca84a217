package db.migration;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads China's public holidays and make-up working days from {@code reference/holidays-cn.csv}
 * (columns date,kind,name). Later years are loaded by an admin through the API, without a release.
 */
public class V2__LoadHolidays extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String resource = "reference/holidays-cn.csv";
        try (InputStream in = V2__LoadHolidays.class.getClassLoader().getResourceAsStream(resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                PreparedStatement ps = context.getConnection().prepareStatement(
                        "insert into calendar_day (day, kind, name) values (?, ?, ?) "
                                + "on conflict (day) do update set kind = excluded.kind, name = excluded.name")) {
            String header = r.readLine();
            if (header == null || !header.replace("\uFEFF", "").startsWith("date,kind,name")) {
                throw new IllegalStateException(resource + ": unexpected header " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 3);
                ps.setDate(1, Date.valueOf(LocalDate.parse(f[0].trim())));
                ps.setString(2, f[1].trim());
                ps.setString(3, f[2].trim());
                ps.executeUpdate();
            }
        }
    }
}
