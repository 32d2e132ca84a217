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
import java.io.IOException;
import java.time.LocalDate;
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
            description = "The same numbers as the JSON, one line per division, type, channel and status, in codes; the division's"
                    + " (township's) name as the last column.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, maxLength = 10000000),
            examples = @ExampleObject(name = "csv", value = "division_code,type,channel,status,count,division_name\n"
                    + "620503114,DIBAO,QR,APPROVED,12,利桥镇\n")))
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
        return Response.ok(StatisticsExports.csv(r, names(r)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"statistics-" + r.division() + ".csv\"").build();
    }

    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    @Operation(operationId = "getStatisticsXlsx", summary = "The statistics as an Excel workbook",
            description = "Three sheets: the counts (each division with its township's name; type, channel and status by their"
                    + " Chinese names: 最低生活保障, 扫码申请, 不予受理, …), the summary and the satisfaction ratings (named the same way).")
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
        return Response.ok(StatisticsExports.xlsx(r, names(r)), XLSX)
                .header("Content-Disposition", "attachment; filename=\"statistics-" + r.division() + ".xlsx\"")
                .build();
    }

    /** The township names of the report's divisions. */
    private java.util.Map<String, String> names(Statistics.Report r) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        r.rows().forEach(x -> codes.add(x.divisionCode()));
        r.ratings().forEach(x -> codes.add(x.divisionCode()));
        java.util.Map<String, String> names = divisions.names(codes);
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }
}
