package cn.scanforhelp.console.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printed 公示 list carries a QR code of the township's public notice page, readable from the page. */
class NoticeListQrTest {

    @Test
    void thePrintedListsQrCodeOpensThePublicNoticePage() throws Exception {
        CjkFont font = new CjkFont(Optional.empty());
        font.locate();
        Documents documents = new Documents(font, Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        String url = "https://help.example.gov.cn/notices/620503114";
        byte[] pdf = documents.noticeList("利桥镇", "花园村",
                List.of(new Documents.NoticeLine("张*", 3, "最低生活保障", "860")), "7天（至2026年12月2日）", url);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("扫码查看公示、提出异议"), text);
            assertFalse(text.contains("张小"), text);
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 150);
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), java.util.Map.of(
                            com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            assertEquals(url, decoded);
        }
    }
}
