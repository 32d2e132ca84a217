package cn.scanforhelp.console.documents;

import cn.scanforhelp.console.web.ClockProducer;
import cn.scanforhelp.console.window.WindowApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The receipt (受理回执) the township's window hands the applicant, A4: tracking number, date and time, the
 * materials received, what happens next and by when, the township's hotline, and a QR code (ZXing, vector
 * squares) of the resident's status page for this tracking number at intake-service. Nothing personal: the
 * applicant keeps it, and may lose it.
 */
@ApplicationScoped
public class ReceiptPdf {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CjkFont font;

    public ReceiptPdf(CjkFont font) {
        this.font = font;
    }

    /** A time as the receipt and the window's page print it, China time. */
    public static String when(OffsetDateTime t) {
        return WHEN.format(t.atZoneSameInstant(ClockProducer.ZONE));
    }

    public byte[] receipt(WindowApi.Recorded r) throws IOException {
        try (PdfWriter w = new PdfWriter(font, "社会救助申请受理回执")) {
            w.right("受理编号：" + r.trackingNumberDisplay(), 13);
            w.gap(8);
            w.paragraph("    您的社会救助申请已由" + r.townshipName() + "窗口于" + when(r.submittedAt()) + "受理登记。", 13);
            List<String> received = r.materialsReceived() == null ? List.of() : r.materialsReceived();
            w.paragraph("    窗口已收材料：" + (received.isEmpty() ? "无" : String.join("、", received)) + "。", 13);
            String byWhen = r.nextDeadline() == null ? "在法定期限内"
                    : "于" + Documents.DATE.format(r.nextDeadline()) + "前";
            w.paragraph("    下一步：" + r.townshipName() + byWhen + "审核并决定是否受理，结果和之后每一步都会以短信告诉您；"
                    + "如还需补充材料，会一次性告知。", 13);
            String hotlines = r.hotlines() == null || r.hotlines().isEmpty() ? "" : String.join("、", r.hotlines());
            if (!hotlines.isEmpty()) {
                w.paragraph("    咨询电话：" + hotlines + "。", 13);
            }
            w.paragraph("    请保管好本回执。扫描下面的二维码，输入手机号后四位，即可查询办理进度。", 13);
            w.gap(8);
            w.qr(r.statusUrl(), 130, "扫码查询办理进度（受理编号 " + r.trackingNumberDisplay() + "）", 10);
            w.gap(16);
            w.right(r.townshipName() + "（盖章）", 13);
            w.right(Documents.DATE.format(r.submittedAt().atZoneSameInstant(ClockProducer.ZONE)), 13);
            return w.finish();
        }
    }
}
