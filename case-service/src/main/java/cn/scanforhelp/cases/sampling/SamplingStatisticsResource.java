package cn.scanforhelp.cases.sampling;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sampling checks' counts per township and type, beside the other statistics. */
@Path("/api/v1/statistics/sampling")
@Tag(name = "Statistics")
@RolesAllowed({Roles.DISTRICT_OFFICER, Roles.TOWNSHIP_REVIEWER})
@SecurityRequirement(name = "oidc")
public class SamplingStatisticsResource {

    private final Samplings samplings;

    public SamplingStatisticsResource(Samplings samplings) {
        this.samplings = samplings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSamplingStatistics", summary = "Sampling checks per township and type",
            description = "Every sampling of the caller's division (narrowed by division as the statistics are): cases"
                    + " drawn, checked, and found with a problem, per township and assistance type. No personal data.")
    @APIResponse(responseCode = "200", description = "The rows, in division and type order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 100000, implementation = SamplingViews.StatsRow.class),
            examples = @ExampleObject(name = "district", value = "[{\"divisionCode\":\"620503114\",\"townshipName\":"
                    + "\"利桥镇\",\"type\":\"TEKUN\",\"sampled\":3,\"checked\":2,\"problems\":1}]")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public List<SamplingViews.StatsRow> rows(@QueryParam("division") @Pattern(regexp = "[0-9]{2,12}")
            @Parameter(schema = @Schema(pattern = "^[0-9]{2,12}$", maxLength = 12)) String division) {
        return samplings.statistics(division);
    }
}
