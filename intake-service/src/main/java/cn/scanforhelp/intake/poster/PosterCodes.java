package cn.scanforhelp.intake.poster;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Poster codes: 6 symbols of Crockford's base32 alphabet (no I, L, O, U), 32^6 = 2^30 codes. Short,
 * so the QR code stays at version 3; random, so codes cannot be enumerated from one another; and
 * readable aloud over the phone (a hotline operator may be told one). Look-ups forgive the usual
 * misreadings (O for 0, I or L for 1, lower case).
 */
public final class PosterCodes {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PosterCodes() {
    }

    public static String next() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    /** The canonical code for what a person typed or a URL carried; empty when it cannot be one. */
    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.length() < LENGTH || raw.length() > 12) {
            return Optional.empty();
        }
        String s = raw.trim().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }
}
