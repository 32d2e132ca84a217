package cn.scanforhelp.intake.poster;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes of poster URLs, encoded by ZXing.
 *
 * <p>Error correction Q (about 25 % of the code may be lost): posters hang outdoors, get rained on,
 * faded by sun, torn at corners and photographed at an angle by cheap phones. H would survive more
 * but would push a 30-character URL from version 3 (29×29 modules) to version 4 (33×33): larger
 * modules at the same printed size matter more for scanning from a distance than the last 5 %.
 * With the default base URL ({@code http://localhost:8081/h/XXXXXX}, 30 bytes) the code is version
 * 3-Q, which holds 32 bytes: a production base URL of up to 23 characters (https://jz.maiji.gov.cn)
 * keeps it at version 3; a longer one moves to version 4 (33×33), still a small code.
 *
 * <p>ZXing writes matrices, not images: the PNG is scaled here with whole pixels per module (never
 * blurred), and the SVG is a single path of horizontal runs, because ZXing has no SVG writer.
 */
public final class QrCodes {

    public static final ErrorCorrectionLevel EC_LEVEL = ErrorCorrectionLevel.Q;
    /** The quiet zone the standard asks for, in modules, on every side. */
    public static final int QUIET_ZONE = 4;
    public static final int MIN_SIZE = 128;
    public static final int MAX_SIZE = 2048;
    public static final int DEFAULT_SIZE = 512;

    private QrCodes() {
    }

    public static QRCode encode(String contents) {
        try {
            // No CHARACTER_SET hint: the URL is ASCII, so no ECI header is spent on it.
            return Encoder.encode(contents, EC_LEVEL, Map.of(EncodeHintType.ERROR_CORRECTION, EC_LEVEL));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + contents.length() + " characters", e);
        }
    }

    public static int version(String contents) {
        return encode(contents).getVersion().getVersionNumber();
    }

    /** A square PNG of about {@code size} pixels: whole pixels per module, black on white. */
    public static byte[] png(String contents, int size) {
        ByteMatrix m = encode(contents).getMatrix();
        int total = m.getWidth() + 2 * QUIET_ZONE;
        int scale = Math.max(2, size / total);
        int side = Math.max(size, total * scale);
        int offset = (side - total * scale) / 2 + QUIET_ZONE * scale;
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(java.awt.Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y) == 1) {
                    g.fillRect(offset + x * scale, offset + y * scale, scale, scale);
                }
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An SVG drawn in module units (so it scales without loss), {@code size} pixels wide by default. */
    public static String svg(String contents, int size) {
        ByteMatrix m = encode(contents).getMatrix();
        int total = m.getWidth() + 2 * QUIET_ZONE;
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (m.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < m.getWidth() && m.get(x, y) == 1) {
                    x++;
                }
                d.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size
                + "\" viewBox=\"0 0 " + total + " " + total + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + total + "\" height=\"" + total + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + d + "\"/></svg>";
    }
}
