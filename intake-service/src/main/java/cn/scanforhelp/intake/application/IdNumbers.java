package cn.scanforhelp.intake.application;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Resident ID numbers (GB 11643-1999): 6 digits of region, 8 of birth date, 3 of sequence, and a
 * check character from ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11; remainder 10 is written X).
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Why a number is refused; {@code null} when it is valid. Codes are problem field codes. */
    public enum Problem {
        LEGACY_15("id-number.legacy"), FORMAT("id-number.format"), BIRTH_DATE("id-number.birth-date"),
        CHECK_DIGIT("id-number.check-digit");

        public final String code;

        Problem(String code) {
            this.code = code;
        }
    }

    private IdNumbers() {
    }

    /** Upper-cases a trailing x and strips spaces: what residents type. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Checks a normalized number against today's date (a birth date in the future is refused). */
    public static Problem check(String id, LocalDate today) {
        if (id.length() == 15 && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Problem.LEGACY_15;
        }
        if (!id.matches("[0-9]{17}[0-9X]")) {
            return Problem.FORMAT;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            if (birth.isAfter(today) || birth.getYear() < 1900) {
                return Problem.BIRTH_DATE;
            }
        } catch (DateTimeException e) {
            return Problem.BIRTH_DATE;
        }
        return checkCharacter(id) == id.charAt(17) ? null : Problem.CHECK_DIGIT;
    }
}
