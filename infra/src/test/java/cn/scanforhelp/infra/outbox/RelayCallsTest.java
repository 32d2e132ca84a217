package cn.scanforhelp.infra.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How the relay cuts a claimed batch into calls that its senders run side by side. */
class RelayCallsTest {

    static final ToIntFunction<String> LIMITS = d -> d.equals("single") ? 1 : 100;
    static final Predicate<String> CONCURRENT = d -> !d.equals("serial");

    @Test
    void aSurgeToOneDestinationIsSpreadOverEverySender() {
        List<OutboxMessage> batch = events("case-service", 100);
        List<List<OutboxMessage>> calls = OutboxRelay.calls(batch, LIMITS, CONCURRENT, 8);
        assertEquals(List.of(13, 13, 13, 13, 12, 12, 12, 12), sizes(calls));
        assertEquals(batch, calls.stream().flatMap(List::stream).toList()); // every event once, in order
    }

    @Test
    void twoDestinationsShareTheSenders() {
        List<OutboxMessage> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // interleaved, as the claim orders by sequence
            batch.addAll(events("intake-service", 1));
            batch.addAll(events("notification-service", 1));
        }
        List<List<OutboxMessage>> calls = OutboxRelay.calls(batch, LIMITS, CONCURRENT, 8);
        assertEquals(List.of(25, 25, 25, 25, 25, 25, 25, 25), sizes(calls));
        assertEquals("intake-service", calls.get(0).get(0).destination());
        assertEquals("notification-service", calls.get(7).get(24).destination());
    }

    @Test
    void fewEventsGoInOneCallAndNoCallExceedsTheLimit() {
        assertEquals(List.of(7), sizes(OutboxRelay.calls(events("case-service", 7), LIMITS, CONCURRENT, 8)));
        assertEquals(List.of(10, 9), sizes(OutboxRelay.calls(events("case-service", 19), LIMITS, CONCURRENT, 8)));
        // more than the senders can carry in calls of the limit: calls of at most the limit
        assertEquals(List.of(100, 100, 100), sizes(OutboxRelay.calls(events("case-service", 300), LIMITS, CONCURRENT, 2)));
        assertEquals(List.of(1, 1, 1), sizes(OutboxRelay.calls(events("single", 3), LIMITS, CONCURRENT, 8)));
        assertEquals(List.of(), sizes(OutboxRelay.calls(List.of(), LIMITS, CONCURRENT, 8)));
    }

    @Test
    void aDestinationThatTakesOneCallAtATimeGetsCallsOfItsLimit() {
        assertEquals(List.of(100), sizes(OutboxRelay.calls(events("serial", 100), LIMITS, CONCURRENT, 8)));
        assertEquals(List.of(75, 75), sizes(OutboxRelay.calls(events("serial", 150), LIMITS, CONCURRENT, 8)));
    }

    private static List<OutboxMessage> events(String destination, int n) {
        return IntStream.range(0, n).mapToObj(i -> new OutboxMessage(UUID.randomUUID(), destination,
                UUID.randomUUID().toString(), "E", "{}", null, 0)).toList();
    }

    private static List<Integer> sizes(List<List<OutboxMessage>> calls) {
        return calls.stream().map(List::size).toList();
    }
}
