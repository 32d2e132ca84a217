package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.procedure.CaseStatus;
import cn.scanforhelp.cases.procedure.CaseType;
import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The queue as a file: the queue's filters and order, at most 10,000 cases, names masked; audited as EXPORT.
 */
@Path("/api/v1/cases/export")
@Tag(name = "Cases", description = "Township review: the queue, the procedure, deadlines")
@RolesAllowed({Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
@SecurityRequirement(name = "oidc")
public class CaseExportResource {

    static final String TRUNCATED = "X-Export-Truncated";

    /** The queue's filters, as {@code GET /api/v1/cases} takes them. */
    public static class Filters {
        @QueryParam("status")
        CaseStatus status;
        @QueryParam("type")
        CaseType type;
        @QueryParam("channel")
        @Pattern(regexp = "QR|HOTLINE|MONITORING|WINDOW")
        @Parameter(schema = @Schema(enumeration = {"QR", "HOTLINE", "MONITORING", "WINDOW"}, maxLength = 16))
        String channel;
        @QueryParam("deadlineState")
        @Parameter(description = "ON_TRACK, AT_RISK or OVERDUE")
        Deadlines.State deadlineState;
        @QueryParam("division")
        @Pattern(regexp = "[0-9]{2,12}")
        @Parameter(schema = @Schema(pattern = "^[0-9]{2,12}$", maxLength = 12))
        String division;
        @QueryParam("text")
        @Size(max = 100)
        @Parameter(description = "a tracking number, an applicant's full name, or words of the village name",
                schema = @Schema(maxLength = 100))
        String text;
        @QueryParam("escalated")
        @Parameter(description = "only cases escalated to the district (true) or not")
        Boolean escalated;
        @QueryParam("possibleDuplicate")
        @Parameter(description = "only cases flagged as possible duplicates (true), or only those not flagged (false)")
        Boolean possibleDuplicate;

        CaseQueries.Filter filter() {
            return new CaseQueries.Filter(status, type, channel, deadlineState, division, text, escalated,
                    possibleDuplicate);
        }
    }

    private final CaseListExport export;

    public CaseExportResource(CaseListExport export) {
        this.export = export;
    }

    @GET
    @Path("csv")
    @Produces("text/csv")
    @Operation(operationId = "exportCasesCsv", summary = "The queue's cases as CSV (UTF-8 with BOM, for Excel)",
            description = "The queue's filters and order (nearest deadline first), at most 10,000 cases; codes for type,"
                    + " status, channel and deadline state; the applicant's name masked as in the queue (张*三), no other"
                    + " personal data. More cases than that: the first 10,000, a last line \"# truncated\" and the header"
                    + " X-Export-Truncated: true. Audited as EXPORT with the filters used (a searched text only as \"text\").")
    @APIResponse(responseCode = "200", description = "CSV", headers = @Header(name = TRUNCATED,
            description = "true when more cases matched than the file holds", schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = 10000000),
                    examples = @ExampleObject(name = "csv", value = "tracking_number,applicant_name_masked,division_code,"
                            + "township_name,village_name,type,status,channel,received_at,next_deadline,deadline_state,"
                            + "working_days_left,urgent,escalated\nK7QM4HXP2R,张*三,620503114,利桥镇,花园村,DIBAO,REVIEW,QR,"
                            + "2026-11-29T09:00+08:00,2026-12-20,ON_TRACK,12,false,false\n")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response csv(@Valid @BeanParam Filters f) {
        CaseListExport.Rows rows = export.rows(f.filter(), "csv");
        return Response.ok(CaseListFiles.csv(rows), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"cases.csv\"")
                .header(TRUNCATED, rows.truncated()).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("xlsx")
    @Produces(CaseListFiles.XLSX)
    @Operation(operationId = "exportCasesXlsx", summary = "The queue's cases as an Excel workbook",
            description = "As the CSV, with Chinese headers and labels (救助类别, 状态, 渠道, 期限状态 by name, 是/否). More"
                    + " than 10,000 cases: the first 10,000 and a second sheet 说明 that says so, and X-Export-Truncated: true.")
    @APIResponse(responseCode = "200", description = "XLSX", headers = @Header(name = TRUNCATED,
            description = "true when more cases matched than the file holds", schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = CaseListFiles.XLSX,
                    schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 50000000)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response xlsx(@Valid @BeanParam Filters f) throws IOException {
        CaseListExport.Rows rows = export.rows(f.filter(), "xlsx");
        return Response.ok(CaseListFiles.xlsx(rows), CaseListFiles.XLSX)
                .header("Content-Disposition", "attachment; filename=\"cases.xlsx\"")
                .header(TRUNCATED, rows.truncated()).header("Cache-Control", "no-store").build();
    }
}
