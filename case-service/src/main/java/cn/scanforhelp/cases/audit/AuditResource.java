package cn.scanforhelp.cases.audit;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail, within the caller's division: for district officers, and for auditors — a role that reads the
 * trail and nothing else, so the trail can be checked by someone who is not among the people it records.
 */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Who read or changed which case")
@SecurityRequirement(name = "oidc")
public class AuditResource {

    private final AuditSearch search;

    public AuditResource(AuditSearch search) {
        this.search = search;
    }

    @Schema(description = "One audited read or change")
    public record Entry(@Schema(format = "int64", minimum = "1", maximum = "9223372036854775807") long id,
            OffsetDateTime at, @Schema(maxLength = 255) String actor, @Schema(maxLength = 255) String roles,
            @Schema(maxLength = 32, example = "READ") String action, @Schema(nullable = true, maxLength = 36) UUID caseId,
            @Schema(maxLength = 16, nullable = true, description = "the case's tracking number") String trackingNumber,
            @Schema(maxLength = 12) String divisionCode, @Schema(maxLength = 1000, nullable = true) String detail) {
    }

    @Schema(description = "Audit entries, newest first")
    public record Entries(@Schema(maxItems = 500) List<Entry> items,
            @Schema(format = "int32", minimum = "0", maximum = "1000") int page,
            @Schema(format = "int32", minimum = "1", maximum = "500") int limit,
            @Schema(description = "true when a next page has entries") boolean hasMore) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listAudit", summary = "The audit trail, newest first",
            description = "Reads, reveals (and reveals refused past the daily limit), actions and escalations of cases in the "
                    + "caller's division. Append-only. For district officers and auditors. Filters, all optional and "
                    + "combined: a case (caseId, or trackingNumber: the case's or a linked application's), the person "
                    + "(actor, the user name exactly), the kind of entry (action, e.g. READ, REVEAL, ACTION), receipt "
                    + "days from / to (Asia/Shanghai, inclusive). Paged by page and limit; hasMore says whether a next "
                    + "page has entries.")
    @APIResponse(responseCode = "200", description = "Entries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Entries.class), examples = @ExampleObject(name = "read", value =
            "{\"items\":[{\"id\":7,\"at\":\"2026-11-29T10:00:00+08:00\",\"actor\":\"liqiao\",\"roles\":\"township-reviewer\","
                    + "\"action\":\"REVEAL\",\"caseId\":\"3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6\",\"trackingNumber\":\"K7QM4HXP2R\","
                    + "\"divisionCode\":\"620503114\",\"detail\":\"name, ID number and phone shown in full; reason: 电话核实\"}],"
                    + "\"page\":0,\"limit\":100,\"hasMore\":false}")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Entries list(@QueryParam("caseId") UUID caseId,
            @QueryParam("trackingNumber") @Pattern(regexp = "[0-9A-Za-z]{4,16}")
            @Parameter(description = "a tracking number of the case (受理编号)",
                    schema = @Schema(pattern = "^[0-9A-Za-z]{4,16}$", maxLength = 16)) String trackingNumber,
            @QueryParam("actor") @Size(min = 1, max = 255)
            @Parameter(description = "the staff member's user name, exactly", schema = @Schema(maxLength = 255))
            String actor,
            @QueryParam("action") @Pattern(regexp = "[A-Z_]{1,32}")
            @Parameter(description = "the kind of entry: READ, REVEAL, REVEAL_REFUSED, ACTION, LIST, EXPORT, …",
                    schema = @Schema(pattern = "^[A-Z_]{1,32}$", maxLength = 32)) String action,
            @QueryParam("from") @Parameter(description = "day from (inclusive, Asia/Shanghai)",
                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) LocalDate from,
            @QueryParam("to") @Parameter(description = "day to (inclusive, Asia/Shanghai)",
                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) LocalDate to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1000)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000"))
            int page,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500"))
            int limit) {
        AuditSearch.Found found = search.search(new AuditSearch.Criteria(caseId, blank(trackingNumber), blank(actor),
                blank(action), from, to), page, limit);
        List<Entry> items = found.entries().stream().map(e -> new Entry(e.id, e.at, e.actor, e.roles, e.action,
                e.caseId, e.caseId == null ? null : found.trackingNumbers().get(e.caseId), e.divisionCode, e.detail))
                .toList();
        return new Entries(items, page, limit, found.hasMore());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
