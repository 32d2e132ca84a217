package cn.scanforhelp.console.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** A4 pages of Chinese text: a centred title, then paragraphs wrapped to the margins; a new page when full. */
final class PdfWriter implements AutoCloseable {

    static final float MARGIN = 64;
    private final PDDocument doc = new PDDocument();
    private final CjkFont.Loaded font;
    private PDPageContentStream out;
    private float y;

    PdfWriter(CjkFont cjk, String title) throws IOException {
        this.font = cjk.loadInto(doc);
        doc.getDocumentInformation().setTitle(title);
        newPage();
        centred(title, 20);
        y -= 18;
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void centred(String text, float size) throws IOException {
        float w = font.font().getStringWidth(text) / 1000 * size;
        line(text, size, (PDRectangle.A4.getWidth() - w) / 2);
    }

    void paragraph(String text, float size) throws IOException {
        for (String l : wrap(text, font.font(), size, PDRectangle.A4.getWidth() - 2 * MARGIN)) {
            line(l, size, MARGIN);
        }
        y -= size * 0.6f;
    }

    void right(String text, float size) throws IOException {
        float w = font.font().getStringWidth(text) / 1000 * size;
        line(text, size, PDRectangle.A4.getWidth() - MARGIN - w);
    }

    /** One row of a table: each cell at its column's offset from the left margin. */
    void row(float size, float[] offsets, String... cells) throws IOException {
        if (y - size * 1.5f < MARGIN) {
            newPage();
        }
        y -= size * 1.6f;
        for (int i = 0; i < cells.length; i++) {
            out.beginText();
            out.setFont(font.font(), size);
            out.newLineAtOffset(MARGIN + offsets[i], y);
            out.showText(cells[i]);
            out.endText();
        }
    }

    /**
     * A QR code of {@code contents} (ZXing, error correction Q), {@code size} points wide, at the right margin,
     * drawn as vector squares so it prints sharp; the caption beneath it.
     */
    void qr(String contents, float size, String caption, float captionSize) throws IOException {
        com.google.zxing.qrcode.encoder.QRCode code;
        try {
            code = com.google.zxing.qrcode.encoder.Encoder.encode(contents,
                    com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.Q,
                    java.util.Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (com.google.zxing.WriterException e) {
            throw new IOException("QR code not made", e);
        }
        com.google.zxing.qrcode.encoder.ByteMatrix m = code.getMatrix();
        int modules = m.getWidth() + 8; // quiet zone of 4 on each side
        float unit = size / modules;
        if (y - size - captionSize * 2 < MARGIN) {
            newPage();
        }
        float left = PDRectangle.A4.getWidth() - MARGIN - size;
        float top = y - 6;
        out.setNonStrokingColor(java.awt.Color.BLACK);
        for (int r = 0; r < m.getHeight(); r++) {
            for (int c = 0; c < m.getWidth(); c++) {
                if (m.get(c, r) == 1) {
                    out.addRect(left + (c + 4) * unit, top - (r + 5) * unit, unit, unit);
                }
            }
        }
        out.fill();
        y = top - size;
        right(caption, captionSize);
    }

    void gap(float points) {
        y -= points;
    }

    private void line(String text, float size, float x) throws IOException {
        if (y - size < MARGIN) {
            newPage();
        }
        y -= size * 1.5f;
        out.beginText();
        out.setFont(font.font(), size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    /** Breaks at any character (Chinese has no spaces), never wider than {@code width}. */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder cur = new StringBuilder();
            for (int i = 0; i < para.length(); ) {
                int cp = para.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (cur.length() > 0 && font.getStringWidth(cur + ch) / 1000 * size > width) {
                    lines.add(cur.toString());
                    cur.setLength(0);
                }
                cur.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(cur.toString());
        }
        return lines;
    }

    byte[] finish() throws IOException {
        out.close();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        try {
            doc.close();
        } finally {
            font.close();
        }
    }
}
