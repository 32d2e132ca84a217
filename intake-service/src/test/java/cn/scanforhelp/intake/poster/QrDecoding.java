package cn.scanforhelp.intake.poster;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads generated codes back the way a phone would: from pixels, with ZXing's decoder. */
final class QrDecoding {

    private QrDecoding() {
    }

    static String decode(BufferedImage img) {
        try {
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (Exception e) {
            throw new AssertionError("no QR code could be decoded: " + e, e);
        }
    }

    static String decodePng(byte[] png) throws IOException {
        return decode(ImageIO.read(new ByteArrayInputStream(png)));
    }

    /** Paints the SVG's single path (M x y h w v1 h-w z runs) at {@code scale} pixels per module. */
    static String decodeSvg(String svg, int scale) {
        Matcher vb = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        if (!vb.find()) {
            throw new AssertionError("no viewBox");
        }
        int total = Integer.parseInt(vb.group(1));
        BufferedImage img = new BufferedImage(total * scale, total * scale, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        while (run.find()) {
            g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
        }
        g.dispose();
        return decode(img);
    }

    static String decodePdfPage(byte[] pdf, int page, float dpi) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return decode(new PDFRenderer(doc).renderImageWithDPI(page, dpi));
        }
    }
}
