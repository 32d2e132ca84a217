package cn.scanforhelp.intake.poster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PosterCodesTest {

    @Test
    void codesAreSixSymbolsOfTheUnambiguousAlphabet() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String c = PosterCodes.next();
            assertTrue(c.matches("^[0-9A-HJKMNP-TV-Z]{6}$"), c);
            seen.add(c);
        }
        assertTrue(seen.size() > 9_990, "codes repeat far too often: " + seen.size());
    }

    @Test
    void lookUpsForgiveTheUsualMisreadings() {
        assertEquals(Optional.of("K7QM40"), PosterCodes.normalize("k7qm4o"));
        assertEquals(Optional.of("1BC111"), PosterCodes.normalize("IBCl1L"));
        assertEquals(Optional.empty(), PosterCodes.normalize("K7QM4U"));
        assertEquals(Optional.empty(), PosterCodes.normalize("K7"));
        assertEquals(Optional.empty(), PosterCodes.normalize("../../etc"));
    }

    @Test
    void theDefaultUrlIsAVersion3CodeAtErrorCorrectionQ() {
        // http://localhost:8081/h/XXXXXX: 30 bytes; version 3-Q holds 32. 29×29 modules.
        assertEquals(3, QrCodes.version("http://localhost:8081/h/" + PosterCodes.next()));
        // version 3-Q holds 32 bytes: a base URL of up to 23 characters keeps it there ...
        assertEquals(3, QrCodes.version("https://jz.maiji.gov.cn/h/" + PosterCodes.next()));
        // ... a longer one moves to version 4 (33×33), still small
        assertEquals(4, QrCodes.version("https://jiuzhu.maiji.gov.cn/h/" + PosterCodes.next()));
    }

    @Test
    void pngAndSvgDecodeBackToTheUrlAtDefaultAndSmallestSize() throws Exception {
        String url = "http://localhost:8081/h/" + PosterCodes.next();
        for (int size : List.of(QrCodes.DEFAULT_SIZE, QrCodes.MIN_SIZE)) {
            assertEquals(url, QrDecoding.decodePng(QrCodes.png(url, size)), "png at " + size);
        }
        assertEquals(url, QrDecoding.decodeSvg(QrCodes.svg(url, 256), 4));
    }

    @Test
    void withoutAUsableFontTheMessageNamesTheDebianPackage() {
        PosterFont font = new PosterFont(Optional.empty());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> font.locate(List.of("/nonexistent/wqy-microhei.ttc")));
        assertTrue(e.getMessage().contains("fonts-wqy-microhei"), e.getMessage());
        assertTrue(e.getMessage().contains("sfh.poster.font"), e.getMessage());
    }
}
