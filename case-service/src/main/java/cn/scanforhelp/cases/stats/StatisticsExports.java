package cn.scanforhelp.cases.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The statistics as files: the CSV for machines (codes, and the division's name as the last column), the workbook
 * for people (each division with its township's name, types, channels and statuses by their Chinese names).
 */
final class StatisticsExports {

    private StatisticsExports() {
    }

    static byte[] csv(Statistics.Report r, Map<String, String> names) {
        StringBuilder sb = new StringBuilder("\uFEFFdivision_code,type,channel,status,count,division_name\n");
        for (Statistics.Row row : r.rows()) {
            sb.append(row.divisionCode()).append(',').append(row.type()).append(',').append(row.channel()).append(',')
                    .append(row.status()).append(',').append(row.count()).append(',')
                    .append(ExportLabels.csvText(names.get(row.divisionCode()))).append('\n');
        }
        sb.append("\ntotal,").append(r.total()).append('\n')
                .append("decided,").append(r.decided()).append('\n')
                .append("on_time_rate,").append(r.onTimeRate() == null ? "" : r.onTimeRate()).append('\n')
                .append("median_days_to_decision,").append(r.medianDaysToDecision() == null ? "" : r.medianDaysToDecision())
                .append('\n')
                .append("p90_days_to_decision,").append(r.p90DaysToDecision() == null ? "" : r.p90DaysToDecision())
                .append('\n')
                .append("overdue_now,").append(r.overdueNow()).append('\n');
        sb.append("\ndivision_code,type,ratings,average_rating,satisfied,dissatisfied,division_name\n");
        for (Ratings.RatingRow row : r.ratings()) {
            sb.append(row.divisionCode()).append(',').append(row.type()).append(',').append(row.ratings()).append(',')
                    .append(row.average()).append(',').append(row.satisfied()).append(',').append(row.dissatisfied())
                    .append(',').append(ExportLabels.csvText(names.get(row.divisionCode()))).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Statistics.Report r, Map<String, String> names) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet counts = wb.createSheet("案件统计");
            ExportLabels.header(counts, "区划代码", "乡镇（街道）", "救助类别", "渠道", "状态", "件数");
            int n = 1;
            for (Statistics.Row row : r.rows()) {
                Row x = counts.createRow(n++);
                x.createCell(0).setCellValue(row.divisionCode());
                x.createCell(1).setCellValue(names.getOrDefault(row.divisionCode(), ""));
                x.createCell(2).setCellValue(ExportLabels.type(row.type()));
                x.createCell(3).setCellValue(ExportLabels.channel(row.channel()));
                x.createCell(4).setCellValue(ExportLabels.status(row.status()));
                x.createCell(5).setCellValue(row.count());
            }
            Sheet sum = wb.createSheet("汇总");
            Object[][] lines = {{"案件总数", r.total()}, {"已办结（作出决定）", r.decided()},
                {"按时办结率", r.onTimeRate()}, {"办结天数中位数", r.medianDaysToDecision()},
                {"办结天数90分位", r.p90DaysToDecision()}, {"当前超期", r.overdueNow()}};
            for (int i = 0; i < lines.length; i++) {
                Row x = sum.createRow(i);
                x.createCell(0).setCellValue((String) lines[i][0]);
                if (lines[i][1] instanceof Number num) {
                    x.createCell(1).setCellValue(num.doubleValue());
                }
            }
            Sheet rated = wb.createSheet("满意度");
            ExportLabels.header(rated, "区划代码", "乡镇（街道）", "救助类别", "评价数", "平均分", "满意（4–5分）", "不满意（1–2分）");
            int k = 1;
            for (Ratings.RatingRow row : r.ratings()) {
                Row x = rated.createRow(k++);
                x.createCell(0).setCellValue(row.divisionCode());
                x.createCell(1).setCellValue(names.getOrDefault(row.divisionCode(), ""));
                x.createCell(2).setCellValue(ExportLabels.type(row.type()));
                x.createCell(3).setCellValue(row.ratings());
                x.createCell(4).setCellValue(row.average());
                x.createCell(5).setCellValue(row.satisfied());
                x.createCell(6).setCellValue(row.dissatisfied());
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
