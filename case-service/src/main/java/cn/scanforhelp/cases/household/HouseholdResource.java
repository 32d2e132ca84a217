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

/** A case's household (members, incomes, assets) and the dibao standards it is compared with. */
@Path("/api/v1/cases/{id}/household")
@Tag(name = "Household", description = "Household members, incomes, assets; the local dibao standard")
@SecurityRequirement(name = "oidc")
public class HouseholdResource {

    static final String EXAMPLE = """
            {"area":"RURAL","members":[{"relation":"本人","name":"张小三","idNumber":"620503198001011237","age":46,
            "health":"慢性肾病","work":"无","monthlyIncomeYuan":0},{"relation":"配偶","name":"李小梅",
            "idNumber":"620503198203051220","age":44,"work":"务农","monthlyIncomeYuan":600}],
            "assets":[{"kind":"存款","description":"农村信用社","valueYuan":3000}]}""";

    private final HouseholdService households;

    public HouseholdResource(HouseholdService households) {
        this.households = households;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
    @Operation(operationId = "getHousehold", summary = "The household, masked, with the per-capita income hint",
            description = "The comparison with the dibao standard is a hint, never a decision. Audited.")
    @APIResponse(responseCode = "200", description = "The household", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Household.class)))
    @APIResponse(ref = "NotFound")
    public Household get(@PathParam("id") UUID id) {
        return households.get(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
    @Operation(operationId = "putHousehold", summary = "Record the household found by the investigation",
            description = "Replaces the members and assets. If-Match carries the case's ETag (428 without, 412 stale).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdIn.class),
            examples = @ExampleObject(name = "household", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The household as recorded", headers = @Header(name = "ETag",
            description = "The case's new version", schema = @Schema(type = SchemaType.STRING, maxLength = 24)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Household.class)))
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "PreconditionRequired")
    public Response put(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(schema = @Schema(maxLength = 24)) String ifMatch,
            @Valid @NotNull HouseholdIn body) {
        CaseFile c = households.put(id, ifMatch, body);
        Household h = households.get(c.id);
        return Response.ok(h).header(HttpHeaders.ETAG, "\"" + CaseFile.<CaseFile>findById(c.id).version + "\"").build();
    }
}
