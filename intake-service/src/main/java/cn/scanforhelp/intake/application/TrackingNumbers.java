package cn.scanforhelp.intake.application;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking numbers a resident can read out over the phone: 10 random symbols and 1 check symbol
 * from a 30-symbol alphabet without 0 O 1 I L U (no look-alikes, no accidental words with U).
 *
 * <p>Guessing: 30^10 ≈ 5.9 × 10^14 numbers. With a million applications on file a random guess hits
 * one with probability ≈ 1.7 × 10^-9, and the look-up also needs the phone's last 4 digits (10^-4)
 * and is rate limited per address: guessing is hopeless.
 *
 * <p>Check symbol: ISO 7064 hybrid system MOD 31,30 (31 is prime, so every single substitution and
 * every adjacent transposition is detected). Hand-written: it is ten lines, and no kept library
 * offers ISO 7064 over a custom alphabet.
 */
public final class TrackingNumbers {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int RANDOM_LENGTH = 10;
    public static final int LENGTH = RANDOM_LENGTH + 1;
    private static final int M = ALPHABET.length();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingNumbers() {
    }

    public static String generate() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(M)));
        }
        return sb.append(checkSymbol(sb)).toString();
    }

    public static char checkSymbol(CharSequence body) {
        int p = M;
        for (int i = 0; i < body.length(); i++) {
            int v = ALPHABET.indexOf(body.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a tracking-number symbol");
            }
            int s = (p + v) % M;
            if (s == 0) {
                s = M;
            }
            p = (2 * s) % (M + 1);
        }
        return ALPHABET.charAt((M + 1 - p) % M);
    }

    /** Upper case without spaces and dashes; {@code null} if it is not a well-formed number. */
    public static String normalize(String raw) {
        if (raw == null || raw.length() > 40) {
            return null;
        }
        String s = raw.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return null;
            }
        }
        return checkSymbol(s.substring(0, RANDOM_LENGTH)) == s.charAt(RANDOM_LENGTH) ? s : null;
    }

    /** For reading out: K7QM-4HXP-2RC. */
    public static String display(String number) {
        return number.substring(0, 4) + "-" + number.substring(4, 8) + "-" + number.substring(8);
    }
}
