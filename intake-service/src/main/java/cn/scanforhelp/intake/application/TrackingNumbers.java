package cn.scanforhelp.intake.application;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking numbers a resident can read out over the phone: 10 random symbols and 1 check symbol
 * from a 29-symbol alphabet without 0 O 1 I L U Z (no look-alikes: 0/O, 1/I/L, 2/Z; U avoids
 * accidental words).
 *
 * <p>Guessing: 29^10 ≈ 4.2 × 10^14 numbers. With a million applications on file a random guess hits
 * one with probability ≈ 2.4 × 10^-9, and the look-up also needs the phone's last 4 digits (10^-4)
 * and is rate limited per address: guessing is hopeless.
 *
 * <p>Check symbol: position-weighted sum modulo 29, a prime (the ISBN-10 scheme over this
 * alphabet): Σ i·v(i) ≡ 0 (mod 29) for i = 1..11. Since the weights 1..11 are distinct and non-zero
 * modulo a prime, every single substitution and every adjacent transposition (also with the check
 * symbol) changes the sum, so it is detected. Hand-written: a few lines, and no kept library offers
 * a check symbol over a custom alphabet.
 */
public final class TrackingNumbers {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXY";
    public static final int RANDOM_LENGTH = 10;
    public static final int LENGTH = RANDOM_LENGTH + 1;
    private static final int M = ALPHABET.length();
    /** The inverse of the check position's weight (11) modulo 29. */
    private static final int INVERSE_OF_LAST_WEIGHT = java.math.BigInteger.valueOf(LENGTH)
            .modInverse(java.math.BigInteger.valueOf(M)).intValue();
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
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int v = ALPHABET.indexOf(body.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a tracking-number symbol");
            }
            sum = (sum + (i + 1) * v) % M;
        }
        return ALPHABET.charAt(((M - sum) * INVERSE_OF_LAST_WEIGHT) % M);
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
