package cn.scanforhelp.cases.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The draw: sizes by share (rounded up, at least one), the same seed the same cases whatever the input order. */
class DrawTest {

    @Test
    void sizes() {
        assertEquals(0, Draw.size(0, 0.3));
        assertEquals(1, Draw.size(1, 0.05));
        assertEquals(1, Draw.size(10, 0.10));
        assertEquals(2, Draw.size(11, 0.10));
        assertEquals(3, Draw.size(10, 0.30));
        assertEquals(5, Draw.size(5, 1.0));
    }

    @Test
    void reproducibleFromTheSeed() {
        List<UUID> ids = IntStream.range(0, 50).mapToObj(i -> UUID.nameUUIDFromBytes(new byte[] {(byte) i})).toList();
        List<UUID> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled);
        List<UUID> a = Draw.pick(ids, 0.1, 42L, "DIBAO");
        assertEquals(5, a.size());
        assertEquals(a, Draw.pick(shuffled, 0.1, 42L, "DIBAO"));
        assertTrue(ids.containsAll(a));
        assertEquals(5, a.stream().distinct().count());
        // a fixed seed always draws the same (SplittableRandom's sequence is specified)
        assertEquals(a, Draw.pick(ids, 0.1, 42L, "DIBAO"));
        assertNotEquals(a, Draw.pick(ids, 0.1, 43L, "DIBAO"));
    }
}
