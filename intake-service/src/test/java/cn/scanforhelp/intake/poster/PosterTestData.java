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

    private PosterTestData() {
    }

    /** The shipped divisions carry every village (NBS 2023); the townships get hotlines for the posters. */
    static void ensure(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement hotlines = c.prepareStatement("""
                        update division set hotlines = array['0938-27' || right(code, 5)]
                        where parent_code = ? and level in ('township', 'subdistrict') and cardinality(hotlines) = 0
                        """)) {
            hotlines.setString(1, COUNTY);
            hotlines.executeUpdate();
        }
        // written past Hibernate: the cached divisions would show the hotlines only after the next refresh
        CDI.current().select(EntityManagerFactory.class).get().getCache().evict(Division.class);
    }

    /** How many active villages the township has in the shipped data. */
    static int villages(DataSource ds, String township) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from division where parent_code = ? and level = 'village' and active")) {
            ps.setString(1, township);
            java.sql.ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }
}
