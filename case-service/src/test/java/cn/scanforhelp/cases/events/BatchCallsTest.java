package cn.scanforhelp.cases.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.outbox.OutboxDelivery;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
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
}
