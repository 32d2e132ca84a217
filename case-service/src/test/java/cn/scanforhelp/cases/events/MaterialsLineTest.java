package cn.scanforhelp.cases.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SMS event carries the materials as notification-service accepts them (≤ 20 items of ≤ 40 characters). */
class MaterialsLineTest {

    @Test
    void everyItemWithinTheLimits() {
        assertNull(ResidentNotices.materials(List.of()));
        assertEquals(List.of("户口簿复印件", "医院诊断证明"), ResidentNotices.materials(List.of("户口簿复印件", " 医院诊断证明 ")));
        assertEquals(20, ResidentNotices.materials(Collections.nCopies(30, "家庭成员收入证明")).size());
        String one = ResidentNotices.materials(List.of("很".repeat(100))).get(0);
        assertEquals(40, one.length());
        assertTrue(one.endsWith("等"));
    }
}
