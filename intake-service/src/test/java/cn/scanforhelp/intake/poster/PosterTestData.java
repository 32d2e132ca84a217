package cn.scanforhelp.intake.poster;

import cn.scanforhelp.intake.division.Division;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Villages are not in the shipped reference data: tests add 20 per Maiji township (400 in all),
 * and a hotline for the townships that have none, directly in the database.
 */
final class PosterTestData {

    static final String COUNTY = "620503";
    static final String LIQIAO = "620503114";
    static final String DANGCHUAN = "620503116";
    static final int VILLAGES_PER_TOWNSHIP = 20;

    private PosterTestData() {
    }

    static void ensure(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement villages = c.prepareStatement("""
                        insert into division (code, name, level, parent_code)
                        select t.code || lpad((200 + n)::text, 3, '0'), left(t.name, 2) || '第' || n || '村', 'village', t.code
                        from division t, generate_series(1, ?) n
                        where t.parent_code = ? and t.level in ('township', 'subdistrict')
                        on conflict (code) do nothing
                        """);
                PreparedStatement hotlines = c.prepareStatement("""
                        update division set hotlines = array['0938-27' || right(code, 5)]
                        where parent_code = ? and level in ('township', 'subdistrict') and cardinality(hotlines) = 0
                        """)) {
            villages.setInt(1, VILLAGES_PER_TOWNSHIP);
            villages.setString(2, COUNTY);
            villages.executeUpdate();
            hotlines.setString(1, COUNTY);
            hotlines.executeUpdate();
        }
        // written past Hibernate: the cached divisions would show the hotlines only after the next refresh
        CDI.current().select(EntityManagerFactory.class).get().getCache().evict(Division.class);
    }
}
