package cn.scanforhelp.cases.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SMS carries the materials as one line that notification-service accepts (≤ 60 characters). */
class MaterialsLineTest {

    @Test
    void joinsWholeItemsAndSaysEtcWhenTheRestDoesNotFit() {
        assertNull(ResidentNotices.materials(List.of()));
        assertEquals("户口簿复印件、医院诊断证明", ResidentNotices.materials(List.of("户口簿复印件", "医院诊断证明")));
        String many = ResidentNotices.materials(Collections.nCopies(20, "家庭成员收入证明"));
        assertTrue(many.length() <= 60, many);
        assertTrue(many.endsWith("等"), many);
        String one = ResidentNotices.materials(List.of("很".repeat(100)));
        assertTrue(one.length() <= 60, one);
    }
}
