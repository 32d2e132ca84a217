package cn.scanforhelp.intake.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property checks of the two check characters (the ID number's and the tracking number's) over
 * generated inputs: random bodies from a fixed seed (so a failure is reproducible), and for each
 * body every position, every substitution and every adjacent swap, exhaustively. Plain JUnit
 * parameterized tests are enough here; no property-testing library is needed.
 */
class CheckCharacterPropertiesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final long SEED = 20261129L;
    static final char[] ID_CHECK_CHARS = "0123456789X".toCharArray();

    static Stream<String> idBodies() {
        Random r = new Random(SEED);
        long from = LocalDate.of(1900, 1, 1).toEpochDay();
        long span = TODAY.toEpochDay() - from + 1;
        return IntStream.range(0, 300).mapToObj(i -> {
            LocalDate b = LocalDate.ofEpochDay(from + (long) (r.nextDouble() * span));
            return "%06d%04d%02d%02d%03d".formatted(r.nextInt(1_000_000), b.getYear(), b.getMonthValue(),
                    b.getDayOfMonth(), r.nextInt(1000));
        });
    }

    static Stream<String> trackingBodies() {
        Random r = new Random(SEED);
        return IntStream.range(0, 300).mapToObj(i -> {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                sb.append(TrackingNumbers.ALPHABET.charAt(r.nextInt(TrackingNumbers.ALPHABET.length())));
            }
            return sb.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("idBodies")
    void anIdNumberIsValidWithItsCheckCharacterOnly(String body) {
        char right = IdNumbers.checkCharacter(body);
        assertNull(IdNumbers.check(body + right, TODAY));
        for (char other : ID_CHECK_CHARS) {
            if (other != right) {
                assertEquals(IdNumbers.Problem.CHECK_DIGIT, IdNumbers.check(body + other, TODAY));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("idBodies")
    void everySingleDigitChangeInAnIdNumberIsDetected(String body) {
        String id = body + IdNumbers.checkCharacter(body);
        for (int pos = 0; pos < 17; pos++) {
            for (int delta = 1; delta <= 9; delta++) {
                char changed = (char) ('0' + (id.charAt(pos) - '0' + delta) % 10);
                assertNotNull(IdNumbers.check(id.substring(0, pos) + changed + id.substring(pos + 1), TODAY),
                        () -> "typo not detected in a generated ID number");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("trackingBodies")
    void everySubstitutionAndAdjacentSwapInATrackingNumberIsDetected(String body) {
        String tn = body + TrackingNumbers.checkSymbol(body);
        assertEquals(tn, TrackingNumbers.normalize(tn));
        int n = TrackingNumbers.ALPHABET.length();
        for (int pos = 0; pos < tn.length(); pos++) {
            int v = TrackingNumbers.ALPHABET.indexOf(tn.charAt(pos));
            for (int shift = 1; shift < n; shift++) {
                char other = TrackingNumbers.ALPHABET.charAt((v + shift) % n);
                assertNull(TrackingNumbers.normalize(tn.substring(0, pos) + other + tn.substring(pos + 1)), tn);
            }
            if (pos + 1 < tn.length() && tn.charAt(pos) != tn.charAt(pos + 1)) {
                String swapped = tn.substring(0, pos) + tn.charAt(pos + 1) + tn.charAt(pos) + tn.substring(pos + 2);
                assertNull(TrackingNumbers.normalize(swapped), tn);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("trackingBodies")
    void generatedTrackingNumbersAreReadableAndAcceptedAsTyped(String ignored) {
        String tn = TrackingNumbers.generate();
        assertEquals(11, tn.length());
        assertEquals(tn, TrackingNumbers.normalize(tn));
        assertEquals(tn, TrackingNumbers.normalize(TrackingNumbers.display(tn).toLowerCase()));
        assertEquals(tn, TrackingNumbers.normalize(TrackingNumbers.display(tn).replace("-", " ")));
        for (char c : "0O1ILUZ".toCharArray()) {
            assertEquals(-1, tn.indexOf(c));
        }
    }
}
