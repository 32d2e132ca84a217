package cn.scanforhelp.intake.poster;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 posters in Chinese, one page each. The QR code is drawn as vector squares (sharp at any print
 * resolution) 10.6 cm wide: the usual rule of a tenth of the scanning distance gives 1 m and more.
 * One document and one embedded (subset) font serve a whole batch, so 400 pages stay fast and small.
 */
@ApplicationScoped
public class PosterPdf {

    static final float W = PDRectangle.A4.getWidth();
    static final float H = PDRectangle.A4.getHeight();
    static final float MARGIN = 40;
    static final float QR_SIDE = 300; // points: 10.6 cm
    static final Color RED = new Color(0xB0, 0x1E, 0x23);
    static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    static final List<String> HELP = List.of(
            "家里收入低、生活困难 —— 可以申请低保（最低生活保障）",
            "没有劳动能力、没有收入、没有人赡养 —— 可以申请特困供养",
            "突然遭灾、出事故、得大病，一时过不去 —— 可以申请临时救助",
            "看病花钱太多 —— 可以申请医疗救助；上学、住房、找工作也可以问",
            "不知道该申请哪一种？不要紧，写下您的困难，镇上会帮您办。");

    private final PosterFont font;

    public PosterPdf(PosterFont font) {
        this.font = font;
    }

    /** What one page says. {@code village} may be null (a township poster). */
    public record Page(String code, String url, String county, String township, String village,
            List<String> hotlines, String issuer, String label) {
    }

    /** A small document (one poster) in memory. */
    public byte[] render(List<Page> pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(pages, out, null);
        return out.toByteArray();
    }

    /**
     * A batch into a temporary file, with PDFBox keeping the pages' content streams in temporary files too
     * rather than on the heap: the heap then holds the page objects, not the drawing of 500 QR codes.
     * The caller deletes the file.
     */
    public Path renderToFile(List<Page> pages) {
        try {
            Path file = Files.createTempFile("posters-", ".pdf");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                write(pages, out, IOUtils.createTempFileOnlyStreamCache());
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<Page> pages, OutputStream out, RandomAccessStreamCache.StreamCacheCreateFunction cache) {
        try (PDDocument doc = cache == null ? new PDDocument() : new PDDocument(cache);
                PosterFont.Loaded f = font.loadInto(doc)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("有困难 扫一扫");
            info.setCreator("Scan for Help intake-service");
            for (Page p : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    draw(cs, f.pdFont(), p);
                }
            }
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw(PDPageContentStream cs, PDType0Font font, Page p) throws IOException {
        // headline band
        cs.setNonStrokingColor(RED);
        cs.addRect(0, H - 120, W, 120);
        cs.fill();
        centered(cs, font, "有困难  扫一扫", 64, H - 92, Color.WHITE);

        // where this poster serves
        String place = p.village() == null ? p.county() + " " + p.township() : p.township() + " " + p.village();
        centered(cs, font, fit(font, place, 30, W - 2 * MARGIN), 30, H - 170, INK);

        // the QR code, vector modules on a white quiet zone
        ByteMatrix m = QrCodes.encode(p.url()).getMatrix();
        float module = QR_SIDE / (m.getWidth() + 2 * QrCodes.QUIET_ZONE);
        float left = (W - QR_SIDE) / 2;
        float top = H - 190;
        cs.setNonStrokingColor(INK);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y) == 1) {
                    cs.addRect(left + (x + QrCodes.QUIET_ZONE) * module,
                            top - (y + QrCodes.QUIET_ZONE + 1) * module, module, module);
                }
            }
        }
        cs.fill();
        float y = top - QR_SIDE - 6;
        centered(cs, font, "用手机微信或浏览器扫一扫，就能申请救助", 18, y, INK);

        // what help exists, in plain words
        y -= 38;
        text(cs, font, "可以申请的帮助：", 15, MARGIN + 10, y, RED);
        for (String line : HELP) {
            y -= 21;
            text(cs, font, fit(font, line, 12.5f, W - 2 * MARGIN - 20), 12.5f, MARGIN + 20, y, INK);
        }

        // the hotline, large, for those who would rather call
        y -= 44;
        centered(cs, font, "不方便扫码？请打电话：", 18, y, INK);
        List<String> numbers = p.hotlines().isEmpty() ? List.of("12345") : p.hotlines();
        float size = numbers.size() > 1 ? 28 : 36;
        for (String line : hotlineLines(font, numbers, size)) {
            y -= size + 8;
            centered(cs, font, line, size, y, RED);
        }

        // footer: issuing office, poster code in small print
        centered(cs, font, fit(font, p.issuer() + " 印制 · 个人信息仅用于办理救助", 11, W - 2 * MARGIN), 11, 48, INK);
        centered(cs, font, fit(font, "海报编号 " + p.code() + " · " + p.label(), 8, W - 2 * MARGIN), 8, 30,
                Color.DARK_GRAY);
    }

    private static List<String> hotlineLines(PDType0Font font, List<String> numbers, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String raw : numbers.subList(0, Math.min(numbers.size(), 4))) {
            String n = fit(font, raw, size, W - 2 * MARGIN);
            String next = line.isEmpty() ? n : line + "   " + n;
            if (!line.isEmpty() && width(font, next, size) > W - 2 * MARGIN) {
                lines.add(line.toString());
                line = new StringBuilder(n);
            } else {
                line = new StringBuilder(next);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    static float width(PDType0Font font, String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** Replaces what the font cannot draw and shortens text that would run off the page. */
    static String fit(PDType0Font font, String raw, float size, float max) throws IOException {
        StringBuilder clean = new StringBuilder();
        raw.codePoints().forEach(cp -> {
            String one = new String(Character.toChars(cp));
            try {
                font.encode(one);
                clean.append(one);
            } catch (IllegalArgumentException | IOException e) {
                clean.append('?');
            }
        });
        String s = clean.toString();
        if (width(font, s, size) <= max) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && width(font, t + "…", size) > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static void centered(PDPageContentStream cs, PDType0Font font, String s, float size, float y, Color c)
            throws IOException {
        text(cs, font, s, size, (W - width(font, s, size)) / 2, y, c);
    }

    private static void text(PDPageContentStream cs, PDType0Font font, String s, float size, float x, float y,
            Color c) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(c);
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
