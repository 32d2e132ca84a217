package cn.scanforhelp.infra.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets a front end show who is signed in and which division they serve. */
@Path("/api/v1/me")
@Tag(name = "Session", description = "The signed-in staff member")
public class WhoAmIResource {

    private final StaffScope scope;

    public WhoAmIResource(StaffScope scope) {
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOTLINE_OPERATOR, Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER, Roles.ADMIN})
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "getCurrentStaff", summary = "The signed-in staff member, roles and division")
    @APIResponse(responseCode = "200", description = "The caller", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Me.class),
            examples = @ExampleObject(name = "reviewer",
                    value = "{\"user\":\"liqiao\",\"roles\":[\"township-reviewer\"],\"division\":\"620503114\"}")))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public Me me() {
        return new Me(scope.user(), scope.roles().stream().sorted().toList(), scope.division());
    }

    @Schema(description = "The signed-in staff member")
    public record Me(@Schema(example = "liqiao", maxLength = 255) String user,
            @Schema(maxItems = 10) List<@jakarta.validation.constraints.Size(max = 50) String> roles,
            @Schema(example = "620503114", pattern = "^[0-9]{2,12}$", maxLength = 12) String division) {
    }
}
