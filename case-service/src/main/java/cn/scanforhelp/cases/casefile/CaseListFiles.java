package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.calendar.Calendars;
import cn.scanforhelp.cases.stats.ExportLabels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The case list as CSV (codes, for machines) and as an Excel workbook (Chinese labels, for people). */
final class CaseListFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CaseListFiles() {
    }

    static byte[] csv(CaseListExport.Rows r) {
        StringBuilder sb = new StringBuilder("\uFEFFtracking_number,applicant_name_masked,division_code,township_name,"
                + "village_name,type,status,channel,received_at,next_deadline,deadline_state,working_days_left,urgent,"
                + "escalated\n");
        for (Views.CaseSummary c : r.rows()) {
            sb.append(c.trackingNumber()).append(',').append(ExportLabels.csvText(c.applicantName())).append(',')
                    .append(c.divisionCode()).append(',').append(ExportLabels.csvText(c.townshipName())).append(',')
                    .append(ExportLabels.csvText(c.villageName())).append(',').append(c.type()).append(',').append(c.status())
                    .append(',').append(c.channel()).append(',').append(c.receivedAt()).append(',')
                    .append(c.nextDeadline() == null ? "" : c.nextDeadline()).append(',')
                    .append(c.deadlineState() == null ? "" : c.deadlineState()).append(',')
                    .append(c.workingDaysLeft() == null ? "" : c.workingDaysLeft()).append(',').append(c.urgent())
                    .append(',').append(c.escalated()).append('\n');
        }
        if (r.truncated()) {
            sb.append("# truncated: the first ").append(CaseListExport.MAX_ROWS).append(" cases only\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(CaseListExport.Rows r) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("案件清单");
            List<String> head = List.of("受理编号", "申请人（脱敏）", "区划代码", "乡镇（街道）", "村（社区）", "救助类别", "状态",
                    "渠道", "受理时间", "下一期限", "期限状态", "剩余工作日", "紧急", "已上报区级");
            ExportLabels.header(s, head.toArray(String[]::new));
            int n = 1;
            for (Views.CaseSummary c : r.rows()) {
                Row x = s.createRow(n++);
                x.createCell(0).setCellValue(c.trackingNumber());
                x.createCell(1).setCellValue(nz(c.applicantName()));
                x.createCell(2).setCellValue(c.divisionCode());
                x.createCell(3).setCellValue(nz(c.townshipName()));
                x.createCell(4).setCellValue(nz(c.villageName()));
                x.createCell(5).setCellValue(ExportLabels.type(c.type() == null ? null : c.type().name()));
                x.createCell(6).setCellValue(ExportLabels.status(c.status() == null ? null : c.status().name()));
                x.createCell(7).setCellValue(ExportLabels.channel(c.channel()));
                x.createCell(8).setCellValue(c.receivedAt() == null ? ""
                        : c.receivedAt().atZoneSameInstant(Calendars.ZONE).format(TIME));
                x.createCell(9).setCellValue(c.nextDeadline() == null ? "" : c.nextDeadline().toString());
                x.createCell(10).setCellValue(state(c.deadlineState()));
                if (c.workingDaysLeft() != null) {
                    x.createCell(11).setCellValue(c.workingDaysLeft());
                }
                x.createCell(12).setCellValue(c.urgent() ? "是" : "否");
                x.createCell(13).setCellValue(c.escalated() ? "是" : "否");
            }
            if (r.truncated()) {
                wb.createSheet("说明").createRow(0).createCell(0).setCellValue("符合条件的案件超过 "
                        + CaseListExport.MAX_ROWS + " 件，本表仅含前 " + CaseListExport.MAX_ROWS + " 件（按期限排序）；请缩小筛选范围后再导出。");
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static String state(Deadlines.State s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case ON_TRACK -> "正常";
            case AT_RISK -> "临近期限";
            case OVERDUE -> "已超期";
            case PAUSED -> "已暂停";
            case MET -> "按期办结";
            case MISSED -> "超期办结";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
