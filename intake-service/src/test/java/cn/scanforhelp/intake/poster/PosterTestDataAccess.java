package cn.scanforhelp.intake.poster;

import java.sql.SQLException;
import javax.sql.DataSource;

/** Lets tests of other packages add the test villages and hotlines. */
public final class PosterTestDataAccess {

    private PosterTestDataAccess() {
    }

    public static void ensure(DataSource ds) throws SQLException {
        PosterTestData.ensure(ds);
    }
}
