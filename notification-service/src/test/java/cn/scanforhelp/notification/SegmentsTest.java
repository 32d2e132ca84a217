package cn.scanforhelp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.scanforhelp.notification.sending.Segments;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    @Test
    void seventyCharactersFitOneSegmentWithoutHeader() {
        String text = "测".repeat(70);
        List<byte[]> parts = Segments.encode(text, 1);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0)).hasSize(140);
        assertThat(new String(parts.get(0), StandardCharsets.UTF_16BE)).isEqualTo(text);
    }

    @Test
    void seventyOneCharactersNeedTwoPartsOf67WithUdh() {
        List<byte[]> parts = Segments.encode("测".repeat(71), 0xAB);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).hasSize(6 + 134).startsWith(5, 0, 3, 0xAB, 2, 1);
        assertThat(parts.get(1)).hasSize(6 + 8).startsWith(5, 0, 3, 0xAB, 2, 2);
    }

    @Test
    void surrogatePairAtTheBoundaryMovesWhole() {
        String text = "测".repeat(66) + "😀" + "试".repeat(10);
        List<String> parts = Segments.split(text);
        assertThat(parts.get(0)).hasSize(66);
        assertThat(parts.get(1)).startsWith("😀");
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).allSatisfy(p -> assertThat(p.codePoints().allMatch(Character::isValidCodePoint)).isTrue());
    }

    @Test
    void everyPartDecodesOnItsOwn() {
        String text = ("😀测".repeat(100));
        for (String p : Segments.split(text)) {
            assertThat(p.length()).isLessThanOrEqualTo(67);
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
        }
    }
}
