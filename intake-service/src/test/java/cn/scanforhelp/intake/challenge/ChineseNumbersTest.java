package cn.scanforhelp.intake.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The form's question may be answered as a resident types a number. */
class ChineseNumbersTest {

    @Test
    void digitsFullWidthAndChineseNumeralsAreRead() {
        assertEquals(12, ChineseNumbers.parse("12"));
        assertEquals(12, ChineseNumbers.parse(" １２ "));
        assertEquals(12, ChineseNumbers.parse("十二"));
        assertEquals(12, ChineseNumbers.parse("一十二"));
        assertEquals(10, ChineseNumbers.parse("十"));
        assertEquals(8, ChineseNumbers.parse("八"));
        assertEquals(2, ChineseNumbers.parse("两"));
        assertEquals(20, ChineseNumbers.parse("二十"));
    }

    @Test
    void anythingElseIsNoAnswer() {
        assertNull(ChineseNumbers.parse(null));
        assertNull(ChineseNumbers.parse(""));
        assertNull(ChineseNumbers.parse("abc"));
        assertNull(ChineseNumbers.parse("123"));
        assertNull(ChineseNumbers.parse("十十"));
        assertNull(ChineseNumbers.parse("零十"));
    }
}
