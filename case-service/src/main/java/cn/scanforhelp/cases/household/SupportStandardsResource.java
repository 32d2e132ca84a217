package cn.scanforhelp.cases.household;

import cn.scanforhelp.cases.household.SupportStandards.SupportStandard;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The local basic living standards of persons in extreme poverty (特困人员基本生活标准), for TEKUN approvals. */
@Path("/api/v1/support-standards")
@Tag(name = "Household", description = "Household members, incomes, assets; the local dibao standard")
@SecurityRequirement(name = "oidc")
public class SupportStandardsResource {

    private final SupportStandards standards;
    private final StaffScope scope;

    public SupportStandardsResource(SupportStandards standards, StaffScope scope) {
        this.standards = standards;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
    @Operation(operationId = "listSupportStandards", summary = "The TEKUN support standards of the caller's area",
            description = "Monthly yuan per person, per county and year (特困人员基本生活标准).")
    @APIResponse(responseCode = "200", description = "Standards", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 1000, implementation = SupportStandard.class)))
    public List<SupportStandard> standards() {
        String d = scope.division();
        return standards.list(d.substring(0, Math.min(6, d.length())));
    }

    @PUT
    @Path("{county}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putSupportStandard", summary = "Set a county's TEKUN support standard for a year",
            description = "Monthly yuan per person, as published by the county; a TEKUN approval records it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SupportStandard.class),
            examples = @ExampleObject(name = "county", value = "{\"countyCode\":\"620503\",\"year\":2026,"
                    + "\"monthlyYuan\":850}")))
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SupportStandard.class)))
    public SupportStandard put(@PathParam("county") @Pattern(regexp = "[0-9]{6}")
            @Parameter(schema = @Schema(pattern = "^[0-9]{6}$", maxLength = 6)) String county,
            @PathParam("year") @Min(2000) @Max(2100)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100"))
            int year, @Valid @NotNull SupportStandard body) {
        return standards.put(county, year, body.monthlyYuan());
    }
}
