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

    /**
     * ZXing's finder-pattern detector misses a small share of codes in small images (seen at the minimum
     * size, about once in a few hundred random poster codes), where a phone's camera, seeing the code
     * larger, reads them. So the image is also tried at twice its size before the code counts as unreadable.
     */
    static String decode(BufferedImage img) {
        Exception last = null;
        for (BufferedImage candidate : new BufferedImage[] {img, scaled(img, 2)}) {
            try {
                var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(candidate)));
                return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            } catch (Exception e) {
                last = e;
            }
        }
        throw new AssertionError("no QR code could be decoded: " + last, last);
    }

    private static BufferedImage scaled(BufferedImage img, int factor) {
        BufferedImage out = new BufferedImage(img.getWidth() * factor, img.getHeight() * factor,
                BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
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
