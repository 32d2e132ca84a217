package cn.scanforhelp.cases.household;

import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.household.HouseholdViews.Area;
import cn.scanforhelp.cases.household.HouseholdViews.Household;
import cn.scanforhelp.cases.household.HouseholdViews.HouseholdIn;
import cn.scanforhelp.cases.household.HouseholdViews.Standard;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The local dibao standards (低保标准) that households are compared with. */
@Path("/api/v1/dibao-standards")
@Tag(name = "Household", description = "Household members, incomes, assets; the local dibao standard")
@SecurityRequirement(name = "oidc")
public class DibaoStandardsResource {

    private final DibaoStandards standards;
    private final StaffScope scope;

    public DibaoStandardsResource(DibaoStandards standards, StaffScope scope) {
        this.standards = standards;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
    @Operation(operationId = "listDibaoStandards", summary = "The dibao standards of the caller's area",
            description = "Monthly yuan per person, per county, urban or rural, and year.")
    @APIResponse(responseCode = "200", description = "Standards", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 1000, implementation = Standard.class)))
    public List<Standard> standards() {
        String d = scope.division();
        return standards.list(d.substring(0, Math.min(6, d.length())));
    }

    @PUT
    @Path("{county}/{area}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putDibaoStandard", summary = "Set a county's dibao standard for a year",
            description = "Monthly yuan per person, as published by the county for urban or rural residents.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Standard.class),
            examples = @ExampleObject(name = "rural", value = "{\"countyCode\":\"620503\",\"area\":\"RURAL\",\"year\":2026,"
                    + "\"monthlyYuan\":500}")))
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Standard.class)))
    public Standard put(@PathParam("county") @Pattern(regexp = "[0-9]{6}")
            @Parameter(schema = @Schema(pattern = "^[0-9]{6}$", maxLength = 6)) String county,
            @PathParam("area") Area area,
            @PathParam("year") @Min(2000) @Max(2100)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100"))
            int year, @Valid @NotNull Standard body) {
        return standards.put(county, area, year, body.monthlyYuan());
    }
}
