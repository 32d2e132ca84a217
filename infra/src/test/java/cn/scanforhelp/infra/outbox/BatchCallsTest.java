package cn.scanforhelp.infra.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How a batch call is cut and how its answer becomes one outcome per event. */
class BatchCallsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void callsStayUnderTheReceiversBodyLimitAndKeepTheOrder() {
        String item = "{\"x\":\"" + "a".repeat(97) + "\"}"; // 105 bytes, 106 with its comma
        List<String> items = java.util.Collections.nCopies(10, item);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(9)),
                BatchCalls.split(items, 2 + 3 * 106));
        assertEquals(1, BatchCalls.split(items, 100_000).size());
        // an item above the limit still goes, alone (the receiver then refuses that one only)
        assertEquals(List.of(List.of(0), List.of(1)), BatchCalls.split(List.of(item, "{}"), 50));
        assertTrue(BatchCalls.split(List.of(), 100).isEmpty());
    }

    @Test
    void eachResultIsMappedLikeTheSingleCallsStatus() {
        List<Exception> out = BatchCalls.outcomes("""
                {"results":[{"status":200,"problem":null,"body":{"duplicate":true}},
                 {"status":400,"problem":"urn:scan-for-help:problem:validation-failed","body":null},
                 {"status":404,"problem":"urn:scan-for-help:problem:not-found","body":null},
                 {"status":503},{}]}""", 5, "intake-service", JSON);
        assertNull(out.get(0));
        assertInstanceOf(OutboxDelivery.PermanentDeliveryFailure.class, out.get(1));
        assertTrue(out.get(1).getMessage().contains("validation-failed"), out.get(1).getMessage());
        assertInstanceOf(IllegalStateException.class, out.get(2)); // retried, as a single 404 is
        assertInstanceOf(IllegalStateException.class, out.get(3));
        assertInstanceOf(IllegalStateException.class, out.get(4)); // no status: retried, never dropped
    }

    @Test
    void anAnswerThatDoesNotMatchTheCallFailsItWhole() {
        assertThrows(IllegalStateException.class,
                () -> BatchCalls.outcomes("{\"results\":[{\"status\":200}]}", 2, "x", JSON));
        assertThrows(IllegalStateException.class, () -> BatchCalls.outcomes("<html>", 1, "x", JSON));
        assertThrows(IllegalStateException.class, () -> BatchCalls.outcomes("{}", 1, "x", JSON));
    }

    /** A destination that records its single calls; its batch calls answer what the test says. */
    static class Destination implements OutboxDelivery {
        final List<String> singles = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        String refusedSingly = "";

        @Override
        public String destination() {
            return "notification-service";
        }

        @Override
        public void deliver(OutboxMessage message) {
            singles.add(message.payload());
            OutboxDelivery.checkStatus(message.payload().contains(refusedSingly) ? 400 : 202, destination());
        }

        List<Exception> send(List<OutboxMessage> messages, int maxBytes, Function<String, Response> answer) {
            return BatchCalls.send(this, messages, m -> {
                if (m.payload().contains("broken")) {
                    throw new IllegalArgumentException("cannot decrypt");
                }
                return m.payload();
            }, maxBytes, json -> {
                calls.add(json);
                return answer.apply(json);
            }, JSON);
        }
    }

    static List<OutboxMessage> messages(String... payloads) {
        List<OutboxMessage> out = new ArrayList<>();
        for (String p : payloads) {
            out.add(new OutboxMessage(UUID.randomUUID(), "notification-service", UUID.randomUUID().toString(), "RECEIVED",
                    p, null, 0));
        }
        return out;
    }

    static Response ok(int... statuses) {
        StringBuilder results = new StringBuilder();
        for (int s : statuses) {
            results.append(results.isEmpty() ? "" : ",").append("{\"status\":").append(s).append('}');
        }
        return Response.ok("{\"results\":[" + results + "]}").build();
    }

    @Test
    void oneCallCarriesTheChunkAndEachResultReachesItsEvent() {
        Destination d = new Destination();
        List<Exception> out = d.send(messages("{\"a\":1}", "{\"b\":2}", "{\"c\":3}"), 60_000, json -> ok(200, 400, 503));
        assertEquals(List.of("[{\"a\":1},{\"b\":2},{\"c\":3}]"), d.calls);
        assertNull(out.get(0));
        assertInstanceOf(OutboxDelivery.PermanentDeliveryFailure.class, out.get(1));
        assertInstanceOf(IllegalStateException.class, out.get(2));
        assertTrue(d.singles.isEmpty());
    }

    @Test
    void aCallThatFailsWholeRetriesEveryEventInIt() {
        for (int status : new int[] {401, 403, 404, 429, 500, 503}) {
            Destination d = new Destination();
            List<Exception> out = d.send(messages("{\"a\":1}", "{\"b\":2}"), 60_000,
                    json -> Response.status(status).build());
            assertTrue(out.stream().allMatch(e -> e instanceof IllegalStateException), status + ": " + out);
            assertTrue(d.singles.isEmpty());
        }
        Destination d = new Destination();
        List<Exception> out = d.send(messages("{\"a\":1}", "{\"b\":2}"), 60_000, json -> {
            throw new ProcessingException("connection refused");
        });
        assertTrue(out.stream().allMatch(e -> e instanceof ProcessingException), String.valueOf(out));
    }

    @Test
    void aCallRefusedWholeIsSentAgainEventByEventSoOnlyTheFaultyOneIsParked() {
        Destination d = new Destination();
        d.refusedSingly = "\"b\"";
        List<Exception> out = d.send(messages("{\"a\":1}", "{\"b\":2}"), 60_000, json -> Response.status(400).build());
        assertEquals(2, d.singles.size());
        assertNull(out.get(0));
        assertInstanceOf(OutboxDelivery.PermanentDeliveryFailure.class, out.get(1));
        // a call of one event too: the single call decides, not the batch route
        Destination one = new Destination();
        one.refusedSingly = "nothing";
        assertNull(one.send(messages("{\"a\":1}"), 60_000, json -> Response.status(400).build()).get(0));
        assertEquals(1, one.singles.size());
    }

    @Test
    void anEventThatCannotBeWrittenFailsAloneAndLargeChunksGoInSeveralCalls() {
        Destination d = new Destination();
        List<Exception> out = d.send(messages("{\"a\":1}", "{\"broken\":1}", "{\"c\":3}"), 60_000, json -> ok(200, 200));
        assertEquals(List.of("[{\"a\":1},{\"c\":3}]"), d.calls);
        assertNull(out.get(0));
        assertInstanceOf(IllegalArgumentException.class, out.get(1));
        assertNull(out.get(2));

        Destination small = new Destination();
        List<Exception> split = small.send(messages("{\"a\":1}", "{\"b\":2}", "{\"c\":3}"), 20,
                json -> json.contains("c") ? ok(404) : ok(200, 200));
        assertEquals(List.of("[{\"a\":1},{\"b\":2}]", "[{\"c\":3}]"), small.calls);
        assertNull(split.get(0));
        assertNull(split.get(1));
        assertInstanceOf(IllegalStateException.class, split.get(2));
    }
}
