package cn.scanforhelp.infra.retention;

import java.time.Duration;
import java.util.List;

/**
 * The records a service keeps only for a while (个人信息保护法 art. 19 and 47: no longer than the purpose needs),
 * declared once as a bean so that {@link Retention} can apply them. Each rule names a table, the time column its
 * age is counted from, which rows are still due (e.g. not yet anonymised, in a final state), and what happens
 * when they expire: their personal columns are overwritten ({@link Action#ANONYMISE}) or the row is deleted
 * ({@link Action#DELETE}). The periods come from configuration ({@code sfh.retention.<kind>}).
 */
public interface RetentionRules {

    enum Action { ANONYMISE, DELETE }

    /**
     * One kind of record. {@code due}: an SQL condition on the row that is true while the rule still has work
     * (rows it already anonymised must make it false). {@code set}: for {@link Action#ANONYMISE}, the SQL
     * assignments that erase the personal values (constants only, never values from the row). {@code id}: the
     * primary key's column, or its columns separated by commas. {@code timeColumn}: a column or an SQL expression
     * of the row (e.g. a sub-select of the case it belongs to).
     */
    record Rule(String kind, Duration period, String table, String id, String timeColumn, String due, Action action,
            String set) {

        public static Rule anonymise(String kind, Duration period, String table, String id, String timeColumn,
                String due, String set) {
            return new Rule(kind, period, table, id, timeColumn, due, Action.ANONYMISE, set);
        }

        public static Rule delete(String kind, Duration period, String table, String id, String timeColumn,
                String due) {
            return new Rule(kind, period, table, id, timeColumn, due, Action.DELETE, null);
        }
    }

    List<Rule> rules();
}
