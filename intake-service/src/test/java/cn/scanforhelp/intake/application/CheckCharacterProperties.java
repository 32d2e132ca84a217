package cn.scanforhelp.intake.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;

/** Property-based checks of the two check characters: the ID number's and the tracking number's. */
class CheckCharacterProperties {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Provide
    Arbitrary<String> validIdBodies() {
        Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<LocalDate> birth = Dates.dates().between(LocalDate.of(1900, 1, 1), TODAY);
        Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
        return net.jqwik.api.Combinators.combine(region, birth, seq)
                .as((r, b, s) -> r + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + s);
    }

    @Property
    void aNumberWithItsCheckCharacterIsValid(@ForAll("validIdBodies") String body) {
        assertNull(IdNumbers.check(body + IdNumbers.checkCharacter(body), TODAY));
    }

    @Property
    void anyOtherCheckCharacterIsRefused(@ForAll("validIdBodies") String body,
            @ForAll("checkChars") char other) {
        Assume.that(other != IdNumbers.checkCharacter(body));
        assertEquals(IdNumbers.Problem.CHECK_DIGIT, IdNumbers.check(body + other, TODAY));
    }

    @Property
    void anySingleDigitChangeIsDetected(@ForAll("validIdBodies") String body, @ForAll @IntRange(min = 0, max = 16) int pos,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        String id = body + IdNumbers.checkCharacter(body);
        char changed = (char) ('0' + (id.charAt(pos) - '0' + delta) % 10);
        String typo = id.substring(0, pos) + changed + id.substring(pos + 1);
        assertNotNull(IdNumbers.check(typo, TODAY));
    }

    @Provide
    Arbitrary<Character> checkChars() {
        return Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }

    @Property
    void generatedTrackingNumbersAreValidAndReadable(@ForAll @IntRange(min = 0, max = 1) int ignored) {
        String tn = TrackingNumbers.generate();
        assertEquals(11, tn.length());
        assertEquals(tn, TrackingNumbers.normalize(tn));
        assertEquals(tn, TrackingNumbers.normalize(TrackingNumbers.display(tn).toLowerCase()));
        assertEquals(tn, TrackingNumbers.normalize(TrackingNumbers.display(tn).replace("-", " ")));
        for (char c : "0O1ILUZ".toCharArray()) {
            assertEquals(-1, tn.indexOf(c));
        }
    }

    @Provide
    Arbitrary<String> trackingBodies() {
        return Arbitraries.strings().withChars(TrackingNumbers.ALPHABET.toCharArray()).ofLength(10);
    }

    @Property(tries = 2000)
    void everySingleSubstitutionIsDetected(@ForAll("trackingBodies") String body,
            @ForAll @IntRange(min = 0, max = 10) int pos, @ForAll @IntRange(min = 1, max = 28) int shift) {
        String tn = body + TrackingNumbers.checkSymbol(body);
        int v = TrackingNumbers.ALPHABET.indexOf(tn.charAt(pos));
        char other = TrackingNumbers.ALPHABET.charAt((v + shift) % 29);
        assertNull(TrackingNumbers.normalize(tn.substring(0, pos) + other + tn.substring(pos + 1)));
    }

    @Property(tries = 2000)
    void everyAdjacentTranspositionIsDetected(@ForAll("trackingBodies") String body,
            @ForAll @IntRange(min = 0, max = 9) int pos) {
        String tn = body + TrackingNumbers.checkSymbol(body);
        Assume.that(tn.charAt(pos) != tn.charAt(pos + 1));
        String swapped = tn.substring(0, pos) + tn.charAt(pos + 1) + tn.charAt(pos) + tn.substring(pos + 2);
        assertNull(TrackingNumbers.normalize(swapped));
    }
}
