package cn.scanforhelp.intake.application;

/** Mainland mobile numbers: 11 digits starting 13–19, optionally written with +86 or 86. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** Digits only, without the country code; {@code null} if it is not a mainland mobile number. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replace(" ", "").replace("-", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.length() == 13 && s.startsWith("86")) {
            s = s.substring(2);
        }
        return s.matches("1[3-9][0-9]{9}") ? s : null;
    }
}
