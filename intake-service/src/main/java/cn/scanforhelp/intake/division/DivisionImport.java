package cn.scanforhelp.intake.division;

import cn.scanforhelp.intake.division.DivisionFile.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a checked {@link DivisionFile} into the {@code division} table over plain JDBC, so that a Flyway
 * migration (the shipped default) and the admin's upload share it. Idempotent: importing the same file twice
 * changes nothing the second time. Hotlines, set by the district, are never touched. A division that the file's
 * tree no longer has is deactivated, never deleted: cases and posters keep their codes.
 */
public final class DivisionImport {

    /** What an import did. {@code roots}: the tops of the trees the file described. */
    public record Result(int added, int changed, int reactivated, int deactivated, int unchanged, List<String> roots) {
    }

    /**
     * {@code scope}: the importer's division (only its subtree is changed); {@code null} for the whole file.
     * {@code replace}: the file is the truth for its trees (names follow it, what it lacks is deactivated, what it
     * has is active again); without it only missing divisions are added (the shipped default, which must not undo
     * a district's own changes).
     */
    public record Plan(String scope, boolean replace) {
    }


    private DivisionImport() {
    }

    public static Result apply(Connection c, List<Row> rows, Plan plan, OffsetDateTime now) throws SQLException {
        Map<String, String[]> existing = existing(c, rows);
        Set<String> inFile = new HashSet<>();
        int added = 0;
        int changed = 0;
        int reactivated = 0;
        int unchanged = 0;
        try (PreparedStatement insert = c.prepareStatement(
                "insert into division (code, name, level, parent_code, updated_at) values (?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("update division set name = ?, level = ?, parent_code = ?,"
                        + " active = true, updated_at = ?, version = version + 1 where code = ?")) {
            for (Row r : rows) {
                inFile.add(r.code());
                String[] now0 = existing.get(r.code());
                if (now0 == null) {
                    insert.setString(1, r.code());
                    insert.setString(2, r.name());
                    insert.setString(3, r.level());
                    insert.setString(4, r.parentCode());
                    insert.setObject(5, now);
                    insert.addBatch();
                    added++;
                } else if (!plan.replace() || !writable(plan, r.code())) {
                    unchanged++; // only adding, or an ancestor of the importer's division: not the importer's to change
                } else if (!r.name().equals(now0[0]) || !r.level().equals(now0[1])
                        || !java.util.Objects.equals(r.parentCode(), now0[2]) || !"t".equals(now0[3])) {
                    if (!"t".equals(now0[3])) {
                        reactivated++;
                    } else {
                        changed++;
                    }
                    update.setString(1, r.name());
                    update.setString(2, r.level());
                    update.setString(3, r.parentCode());
                    update.setObject(4, now);
                    update.setString(5, r.code());
                    update.addBatch();
                } else {
                    unchanged++;
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        List<String> roots = roots(rows, plan);
        int deactivated = 0;
        if (plan.replace()) {
            try (PreparedStatement missing = c.prepareStatement("select code from division where active and code like ?");
                    PreparedStatement off = c.prepareStatement(
                            "update division set active = false, updated_at = ?, version = version + 1 where code = ?")) {
                for (String root : roots) {
                    missing.setString(1, root + "%");
                    try (ResultSet rs = missing.executeQuery()) {
                        while (rs.next()) {
                            if (!inFile.contains(rs.getString(1))) {
                                off.setObject(1, now);
                                off.setString(2, rs.getString(1));
                                off.addBatch();
                                deactivated++;
                            }
                        }
                    }
                }
                off.executeBatch();
            }
        }
        return new Result(added, changed, reactivated, deactivated, unchanged, roots);
    }

    /** Within the importer's division (an ancestor of it is only ever added, never changed). */
    static boolean writable(Plan plan, String code) {
        return plan.scope() == null || code.startsWith(plan.scope());
    }

    /**
     * The divisions whose whole tree the file describes: from each top of the file (a division whose parent is
     * not in it), down while the file names exactly one child — so a county's file, which names its province
     * and city only as the way down, replaces the county and not the province. Only roots inside the scope.
     */
    static List<String> roots(List<Row> rows, Plan plan) {
        Map<String, List<String>> children = new HashMap<>();
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> codes.add(r.code()));
        for (Row r : rows) {
            if (r.parentCode() != null && codes.contains(r.parentCode())) {
                children.computeIfAbsent(r.parentCode(), k -> new java.util.ArrayList<>()).add(r.code());
            }
        }
        List<String> roots = new java.util.ArrayList<>();
        for (Row r : rows) {
            if (r.parentCode() != null && codes.contains(r.parentCode())) {
                continue;
            }
            String root = r.code();
            while (children.getOrDefault(root, List.of()).size() == 1) {
                root = children.get(root).get(0);
            }
            if (writable(plan, root)) {
                roots.add(root);
            }
        }
        return roots.stream().sorted().toList();
    }

    private static Map<String, String[]> existing(Connection c, List<Row> rows) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select code, name, level, parent_code, case when active then 't' else 'f' end from division"
                        + " where code = any (?)")) {
            ps.setArray(1, c.createArrayOf("varchar", rows.stream().map(Row::code).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
        }
        return out;
    }
}
