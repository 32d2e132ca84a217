package cn.scanforhelp.cases.audit;

import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

    private final StaffScope scope;

    public AuditResource(StaffScope scope) {
        this.scope = scope;
    }

    @Schema(description = "One audited read or change")
    public record Entry(@Schema(format = "int64", minimum = "1", maximum = "9223372036854775807") long id,
            OffsetDateTime at, @Schema(maxLength = 255) String actor, @Schema(maxLength = 255) String roles,
            @Schema(maxLength = 32, example = "READ") String action, UUID caseId,
            @Schema(maxLength = 12) String divisionCode, @Schema(maxLength = 1000) String detail) {
    }

    @Schema(description = "Audit entries, newest first")
    public record Entries(@Schema(maxItems = 500) List<Entry> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listAudit", summary = "The audit trail, newest first",
            description = "Reads, reveals (and reveals refused past the daily limit), actions and escalations of cases in the "
                    + "caller's division. Append-only. For district officers and auditors.")
    @APIResponse(responseCode = "200", description = "Entries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Entries.class), examples = @ExampleObject(name = "read", value =
            "{\"items\":[{\"id\":7,\"at\":\"2026-11-29T10:00:00+08:00\",\"actor\":\"liqiao\",\"roles\":\"township-reviewer\","
                    + "\"action\":\"REVEAL\",\"caseId\":\"3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6\","
                    + "\"divisionCode\":\"620503114\",\"detail\":\"name, ID number and phone shown in full\"}]}")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    @Transactional
    public Entries list(@QueryParam("caseId") UUID caseId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500"))
            int limit) {
        String q = "divisionCode like :prefix" + (caseId != null ? " and caseId = :caseId" : "");
        Parameters p = Parameters.with("prefix", scope.division() + "%");
        if (caseId != null) {
            p.and("caseId", caseId);
        }
        List<Entry> items = AuditEntry.<AuditEntry>find(q, Sort.descending("id"), p).page(0, limit).list().stream()
                .map(e -> new Entry(e.id, e.at, e.actor, e.roles, e.action, e.caseId, e.divisionCode, e.detail)).toList();
        return new Entries(items);
    }
}
