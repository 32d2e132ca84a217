package cn.scanforhelp.cases.stats;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Statistics as JSON, and as CSV and XLSX downloads. */
@Path("/api/v1/statistics")
@Tag(name = "Statistics", description = "Counts, on-time rate, time to decision, overdue cases")
@RolesAllowed({Roles.DISTRICT_OFFICER, Roles.TOWNSHIP_REVIEWER})
@SecurityRequirement(name = "oidc")
public class StatisticsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String EXAMPLE = """
            {"division":"620503","from":"2026-01-01","to":"2026-12-31","rows":[{"divisionCode":"620503114",
            "type":"DIBAO","channel":"QR","status":"APPROVED","count":12}],"total":12,"decided":12,"decidedOnTime":11,
            "onTimeRate":0.917,"medianDaysToDecision":21.5,"p90DaysToDecision":38.0,"overdueNow":0}""";

    private final Statistics statistics;
    private final DivisionOverview divisions;

    public StatisticsResource(Statistics statistics, DivisionOverview divisions) {
        this.statistics = statistics;
        this.divisions = divisions;
    }

    @GET
    @Path("divisions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStatisticsPerDivision",
            summary = "Per division of the caller's scope: open cases per deadline state, decisions on time",
            description = "One row per division (township) with cases, in code order. onTrack / atRisk / overdue equal"
                    + " the queue's totals for that division and deadlineState; decided and decidedOnTime count every"
                    + " receipt date. A city-level scope (e.g. 6205) lists the townships of all its counties.")
    @APIResponse(responseCode = "200", description = "The rows", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 100000, implementation = DivisionOverview.Row.class),
            examples = @ExampleObject(name = "district", value = "[{\"divisionCode\":\"620503114\",\"townshipName\":"
                    + "\"利桥镇\",\"onTrack\":41,\"atRisk\":3,\"overdue\":1,\"decided\":120,\"decidedOnTime\":114,"
                    + "\"onTimeRate\":0.95}]")))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public java.util.List<DivisionOverview.Row> perDivision() {
        return divisions.rows();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStatistics", summary = "Counts by division × type × channel × status, and rates",
            description = "Scoped to the caller's division; from/to filter by receipt date (Asia/Shanghai, inclusive)."
                    + " Read from a summary that every change to a case updates in the same transaction, so the numbers"
                    + " are current; times to decision are taken to the nearest hour.")
    @APIResponse(responseCode = "200", description = "The statistics", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Statistics.Report.class),
            examples = @ExampleObject(name = "district", value = EXAMPLE)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Statistics.Report json(@QueryParam("division") @Pattern(regexp = "[0-9]{2,12}")
            @Parameter(schema = @Schema(pattern = "^[0-9]{2,12}$", maxLength = 12)) String division,
            @QueryParam("from") @Parameter(description = "receipt date from (inclusive)",
                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) LocalDate from,
            @QueryParam("to") @Parameter(description = "receipt date to (inclusive)",
                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) LocalDate to) {
        return statistics.report(division, from, to);
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Operation(operationId = "getStatisticsCsv", summary = "The statistics as CSV (UTF-8 with BOM, for Excel)",
            description = "The same numbers as the JSON, one line per division, type, channel and status.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, maxLength = 10000000),
            examples = @ExampleObject(name = "csv", value = "division_code,type,channel,status,count\n"
                    + "620503114,DIBAO,QR,APPROVED,12\n")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response csv(@QueryParam("division") @Pattern(regexp = "[0-9]{2,12}")
            @Parameter(schema = @Schema(pattern = "^[0-9]{2,12}$", maxLength = 12)) String division,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            LocalDate from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            LocalDate to) {
        Statistics.Report r = statistics.report(division, from, to);
        StringBuilder sb = new StringBuilder("\uFEFFdivision_code,type,channel,status,count\n");
        for (Statistics.Row row : r.rows()) {
            sb.append(row.divisionCode()).append(',').append(row.type()).append(',').append(row.channel()).append(',')
                    .append(row.status()).append(',').append(row.count()).append('\n');
        }
        sb.append("\ntotal,").append(r.total()).append('\n')
                .append("decided,").append(r.decided()).append('\n')
                .append("on_time_rate,").append(r.onTimeRate() == null ? "" : r.onTimeRate()).append('\n')
                .append("median_days_to_decision,").append(r.medianDaysToDecision() == null ? "" : r.medianDaysToDecision())
                .append('\n')
                .append("p90_days_to_decision,").append(r.p90DaysToDecision() == null ? "" : r.p90DaysToDecision())
                .append('\n')
                .append("overdue_now,").append(r.overdueNow()).append('\n');
        sb.append("\ndivision_code,type,ratings,average_rating,satisfied,dissatisfied\n");
        for (Ratings.RatingRow row : r.ratings()) {
            sb.append(row.divisionCode()).append(',').append(row.type()).append(',').append(row.ratings()).append(',')
                    .append(row.average()).append(',').append(row.satisfied()).append(',').append(row.dissatisfied())
                    .append('\n');
        }
        return Response.ok(sb.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"statistics-" + r.division() + ".csv\"").build();
    }

    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    @Operation(operationId = "getStatisticsXlsx", summary = "The statistics as an Excel workbook",
            description = "Three sheets: the counts (the channel by its Chinese name: 扫码申请, 热线, 监测预警, 窗口受理), the summary and the satisfaction ratings.")
    @APIResponse(responseCode = "200", description = "XLSX", content = @Content(mediaType = XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 50000000)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response xlsx(@QueryParam("division") @Pattern(regexp = "[0-9]{2,12}")
            @Parameter(schema = @Schema(pattern = "^[0-9]{2,12}$", maxLength = 12)) String division,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            LocalDate from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            LocalDate to) throws IOException {
        Statistics.Report r = statistics.report(division, from, to);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet counts = wb.createSheet("案件统计");
            String[] head = {"区划代码", "救助类别", "渠道", "状态", "件数"};
            Row h = counts.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int n = 1;
            for (Statistics.Row row : r.rows()) {
                Row x = counts.createRow(n++);
                x.createCell(0).setCellValue(row.divisionCode());
                x.createCell(1).setCellValue(row.type());
                x.createCell(2).setCellValue(ChannelLabels.zh(row.channel()));
                x.createCell(3).setCellValue(row.status());
                x.createCell(4).setCellValue(row.count());
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
            String[] rh = {"区划代码", "救助类别", "评价数", "平均分", "满意（4–5分）", "不满意（1–2分）"};
            Row rhr = rated.createRow(0);
            for (int i = 0; i < rh.length; i++) {
                rhr.createCell(i).setCellValue(rh[i]);
            }
            int k = 1;
            for (Ratings.RatingRow row : r.ratings()) {
                Row x = rated.createRow(k++);
                x.createCell(0).setCellValue(row.divisionCode());
                x.createCell(1).setCellValue(row.type());
                x.createCell(2).setCellValue(row.ratings());
                x.createCell(3).setCellValue(row.average());
                x.createCell(4).setCellValue(row.satisfied());
                x.createCell(5).setCellValue(row.dissatisfied());
            }
            wb.write(out);
            return Response.ok(out.toByteArray(), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"statistics-" + r.division() + ".xlsx\"")
                    .build();
        }
    }
}
