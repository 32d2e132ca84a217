package cn.scanforhelp.intake.challenge;

/** Reads an answer 0–99 as a resident may type it: 12, １２ (full width), 十二, 一十二. */
final class ChineseNumbers {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumbers() {
    }

    static Integer parse(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder ascii = new StringBuilder();
        for (char c : s.strip().toCharArray()) {
            ascii.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        String t = ascii.toString().replace("两", "二");
        if (t.matches("^[0-9]{1,2}$")) {
            return Integer.parseInt(t);
        }
        if (t.isEmpty() || t.length() > 3) {
            return null;
        }
        int ten = t.indexOf('十');
        if (ten < 0) {
            return t.length() == 1 ? digit(t.charAt(0)) : null;
        }
        Integer tens = ten == 0 ? Integer.valueOf(1) : ten == 1 ? digit(t.charAt(0)) : null;
        String rest = t.substring(ten + 1);
        Integer units = rest.isEmpty() ? Integer.valueOf(0) : rest.length() == 1 ? digit(rest.charAt(0)) : null;
        return tens == null || units == null || tens == 0 ? null : tens * 10 + units;
    }

    private static Integer digit(char c) {
        int i = DIGITS.indexOf(c);
        return i < 0 ? null : i;
    }
}
