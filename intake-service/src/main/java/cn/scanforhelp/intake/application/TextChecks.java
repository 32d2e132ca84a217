package cn.scanforhelp.intake.application;

/**
 * Refuses text a person could not have typed: NUL and other control characters (line breaks and
 * tabs are allowed where multi-line text is expected) and unpaired UTF-16 surrogates, which would
 * fail later in PostgreSQL or in an SMS encoder.
 */
public final class TextChecks {

    private TextChecks() {
    }

    public static boolean clean(String s, boolean multiline) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF') {
                return false;
            }
        }
        return true;
    }
}
