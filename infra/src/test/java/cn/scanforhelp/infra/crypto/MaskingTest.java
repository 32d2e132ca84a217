package cn.scanforhelp.infra.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The notice's mask is one rule, for the public 公示 page and the printed list alike; staff see more. */
class MaskingTest {

    @Test
    void aNoticeShowsTheSurnameAndOneStar() {
        assertEquals("张*", Masking.noticeName("张小三"));
        assertEquals("张*", Masking.noticeName("张三"));
        assertEquals("欧阳*", Masking.noticeName("欧阳小明"));
        assertEquals("欧*", Masking.noticeName("欧阳"));
        assertEquals("*", Masking.noticeName(" "));
        assertEquals("*", Masking.noticeName(null));
    }

    @Test
    void staffSeeTheLastCharacterToo() {
        assertEquals("张*三", Masking.name("张小三"));
        assertEquals("欧**明", Masking.name("欧阳小明"));
    }
}
