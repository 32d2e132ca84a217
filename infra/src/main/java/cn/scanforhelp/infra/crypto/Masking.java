package cn.scanforhelp.infra.crypto;

/**
 * The masks staff and residents see by default (张*三, 620503********123X, 138****5678; a public notice 张*).
 * Only an explicit, audited reveal shows the full value.
 */
public final class Masking {

    private Masking() {
    }

    /** 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(cps.length - 2));
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /**
     * The name as a public notice (公示) shows it, on the public page and on the printed list alike: the surname
     * and one star, whatever the given name's length (张小三 → 张*, 张三 → 张*); a compound surname is kept
     * (欧阳小明 → 欧阳*). Less than {@link #name}, which staff see: a notice is read by the whole village.
     */
    public static String noticeName(String name) {
        if (name == null || name.isBlank()) {
            return "*";
        }
        String n = name.strip();
        int cut = n.codePointCount(0, n.length()) > 2 && COMPOUND_SURNAMES.contains(n.substring(0, n.offsetByCodePoints(0, 2)))
                ? 2 : 1;
        return n.substring(0, n.offsetByCodePoints(0, cut)) + "*";
    }

    private static final java.util.Set<String> COMPOUND_SURNAMES = java.util.Set.of("欧阳", "司马", "上官", "诸葛", "东方",
            "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "轩辕");

    /** First 6 (the region of registration) and last 4 kept: 620503********123X. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 10) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** 13812345678 → 138****5678. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
