package cn.scanforhelp.intake.application;

import static cn.scanforhelp.intake.Fixtures.application;
import static cn.scanforhelp.intake.Fixtures.idNumber;
import static cn.scanforhelp.intake.Fixtures.phone;
import static cn.scanforhelp.intake.Fixtures.resident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.scanforhelp.infra.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The status look-up does the same work for an unknown tracking number as for a known one with wrong digits, so
 * its time tells a guesser nothing: the cipher's operations are counted (on the test's own thread), not the clock,
 * which would flake under load. The same 404 problem for both.
 */
@QuarkusTest
class LookupWorkTest {

    @Inject
    ApplicationQueries queries;

    @Test
    void anUnknownNumberAndWrongDigitsCostTheSameCipherOperations() {
        String phone = phone();
        String known = resident().body(application(idNumber(), phone)).post("/api/v1/applications")
                .then().statusCode(202).extract().path("trackingNumber");
        String wrong = phone.endsWith("0000") ? "1111" : "0000";
        String unknown = unknownNumber(known);
        // the first call builds the bean (its dummy phone is encrypted once): not part of a look-up
        notFound(unknown, wrong);
        CountingFieldCipher.take();

        notFound(unknown, wrong);
        Map<String, Integer> unknownWork = CountingFieldCipher.take();
        notFound(known, wrong);
        Map<String, Integer> wrongDigitsWork = CountingFieldCipher.take();

        assertEquals(Map.of("decrypt", 1, "hash", 1), wrongDigitsWork, "a known number: count the attempt, decrypt the phone");
        assertEquals(wrongDigitsWork, unknownWork, "an unknown number: the same, with a dummy phone");

        // the right digits: the same operations before the comparison, then nothing more of the cipher
        ApplicationViews.LookupResult found = queries.lookup(known, phone.substring(phone.length() - 4), Locale.ROOT);
        assertEquals(TrackingNumbers.display(TrackingNumbers.normalize(known)), found.trackingNumber());
        assertEquals(Map.of("decrypt", 1, "hash", 1), CountingFieldCipher.take());
    }

    private void notFound(String trackingNumber, String digits) {
        ProblemException e = assertThrows(ProblemException.class, () -> queries.lookup(trackingNumber, digits, Locale.ROOT));
        assertEquals(404, e.status());
    }

    /** A well-formed number (right check symbol) that names no application. */
    private static String unknownNumber(String known) {
        String body;
        do {
            body = TrackingNumbers.generate().substring(0, TrackingNumbers.RANDOM_LENGTH);
        } while (known.startsWith(body));
        return body + TrackingNumbers.checkSymbol(body);
    }
}
