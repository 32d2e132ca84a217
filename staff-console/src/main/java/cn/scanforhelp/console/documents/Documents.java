package cn.scanforhelp.console.documents;

import cn.scanforhelp.console.cases.CaseApi;
import cn.scanforhelp.console.web.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The documents a township hands out or posts, as A4 PDFs in Chinese, from what case-service shows the
 * reviewer (the applicant's name as masked there). Which document a case has is decided by its state and
 * its steps, as case-service recorded them.
 */
@ApplicationScoped
public class Documents {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    /** The routes of appeal every refusal names (行政复议法 第二十条, 行政诉讼法 第四十六条). */
    static final String APPEAL = "如对本决定不服，可以自知道该决定之日起六十日内依法申请行政复议，"
            + "或者自知道该决定之日起六个月内依法向人民法院提起行政诉讼。";

    private final CjkFont font;
    private final Clock clock;

    public Documents(CjkFont font, Clock clock) {
        this.font = font;
        this.clock = clock;
    }

    /** A step of the case's history by its action, the latest first. */
    static Optional<CaseApi.Step> latest(CaseApi.Details d, String action) {
        return d.history().stream().filter(s -> action.equals(s.action()))
                .max(Comparator.comparing(CaseApi.Step::at));
    }

    public static boolean hasAcceptance(CaseApi.Details d) {
        return latest(d, "ACCEPT").isPresent();
    }

    public static boolean hasMaterials(CaseApi.Details d) {
        return latest(d, "REQUEST_MATERIALS").isPresent();
    }

    public static boolean hasRefusal(CaseApi.Details d) {
        return "NOT_ACCEPTED".equals(d.status()) || "REJECTED".equals(d.status());
    }

    /** 受理通知书 */
    public byte[] acceptance(CaseApi.Details d) throws IOException {
        CaseApi.Step accepted = latest(d, "ACCEPT").orElseThrow();
        Optional<CaseApi.Deadline> decision = d.deadlines().stream().filter(x -> "DECISION".equals(x.kind())).findFirst();
        try (PdfWriter w = new PdfWriter(font, "社会救助申请受理通知书")) {
            w.right("受理编号：" + d.trackingNumber(), 11);
            w.gap(8);
            w.paragraph(d.applicantName() + "：", 13);
            w.paragraph("    您于" + date(d.receivedAt()) + "提交的社会救助申请，" + d.townshipName() + "已于" + date(accepted.at())
                    + "受理。我们将依法开展家庭经济状况调查核对，"
                    + decision.map(x -> "并于" + DATE.format(x.dueOn()) + "前（" + x.days() + "个工作日内）作出决定。")
                            .orElse("并在法定期限内作出决定。"), 13);
            w.paragraph("    请保管好受理编号，可凭其在扫码页面查询办理进度" + hotline(d) + "。", 13);
            footer(w, d);
            return w.finish();
        }
    }

    /** 一次性告知书: every missing item, all at once */
    public byte[] materials(CaseApi.Details d) throws IOException {
        CaseApi.Step step = latest(d, "REQUEST_MATERIALS").orElseThrow();
        List<String> items = materialsOf(step);
        try (PdfWriter w = new PdfWriter(font, "社会救助申请材料一次性告知书")) {
            w.right("受理编号：" + d.trackingNumber(), 11);
            w.gap(8);
            w.paragraph(d.applicantName() + "：", 13);
            w.paragraph("    您于" + date(d.receivedAt()) + "提交的社会救助申请材料尚不齐全。根据规定，现一次性告知您需补充的全部材料：", 13);
            for (int i = 0; i < items.size(); i++) {
                w.paragraph("    " + (i + 1) + ". " + items.get(i), 13);
            }
            w.paragraph("    请将上述材料交至" + d.townshipName() + "社会救助窗口。受理期限自材料补齐之日起继续计算" + hotline(d) + "。", 13);
            w.paragraph("    告知日期：" + date(step.at()), 13);
            footer(w, d);
            return w.finish();
        }
    }

    /** 不予受理通知书 or 不予批准通知书, with the reason and the routes of appeal */
    public byte[] refusal(CaseApi.Details d) throws IOException {
        boolean notAccepted = "NOT_ACCEPTED".equals(d.status());
        String title = notAccepted ? "社会救助申请不予受理通知书" : "社会救助申请不予批准通知书";
        try (PdfWriter w = new PdfWriter(font, title)) {
            w.right("受理编号：" + d.trackingNumber(), 11);
            w.gap(8);
            w.paragraph(d.applicantName() + "：", 13);
            w.paragraph("    您于" + date(d.receivedAt()) + "提交的社会救助申请，经" + d.townshipName() + "审核，决定"
                    + (notAccepted ? "不予受理" : "不予批准") + "。", 13);
            w.paragraph("    理由：" + (d.reason() == null ? "" : d.reason()), 13);
            w.paragraph("    " + APPEAL, 13);
            w.paragraph("    如有疑问，可向" + d.townshipName() + "咨询" + hotline(d) + "。", 13);
            footer(w, d);
            return w.finish();
        }
    }

    /** One line of the village's 公示 list: only what may be published. */
    public record NoticeLine(String maskedName, Integer householdSize, String type, String amount) {
    }

    /** 公示 list of a village: masked names, household size, type and amount; nothing else. */
    public byte[] noticeList(String township, String village, List<NoticeLine> lines, String period, String publicUrl)
            throws IOException {
        try (PdfWriter w = new PdfWriter(font, township + village + "社会救助审核公示")) {
            w.paragraph("    下列申请人经" + township + "审核，拟给予社会救助，现予公示。公示期" + period
                    + "。如有异议，请在公示期内向" + township + "实名反映，或扫描下方二维码在网上提出。", 13);
            w.gap(6);
            float[] cols = {0, 40, 130, 200, 350};
            w.row(12, cols, "序号", "姓名", "家庭人口", "救助类型", "金额（元）");
            for (int i = 0; i < lines.size(); i++) {
                NoticeLine l = lines.get(i);
                w.row(12, cols, String.valueOf(i + 1), l.maskedName(),
                        l.householdSize() == null ? "—" : String.valueOf(l.householdSize()), l.type(), l.amount());
            }
            w.gap(12);
            w.right(township, 13);
            w.right(DATE.format(LocalDate.now(clock)), 13);
            if (publicUrl != null) {
                w.qr(publicUrl, 110, "扫码查看公示、提出异议", 10);
            }
            return w.finish();
        }
    }

    static List<String> materialsOf(CaseApi.Step step) {
        // case-service records the action's fields as "materials: a；b" in the step's details
        String details = step.details() == null ? "" : step.details();
        return details.lines().filter(l -> l.startsWith("materials: ")).findFirst()
                .map(l -> Arrays.stream(l.substring("materials: ".length()).split("；")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private void footer(PdfWriter w, CaseApi.Details d) throws IOException {
        w.gap(24);
        w.right(d.townshipName(), 13);
        w.right(DATE.format(LocalDate.now(clock)), 13);
    }

    private static String hotline(CaseApi.Details d) {
        return d.hotline() == null || d.hotline().isBlank() ? "" : "，或拨打" + d.hotline() + "咨询";
    }

    private static String date(OffsetDateTime t) {
        return t == null ? "" : DATE.format(t.atZoneSameInstant(ClockProducer.ZONE));
    }
}
