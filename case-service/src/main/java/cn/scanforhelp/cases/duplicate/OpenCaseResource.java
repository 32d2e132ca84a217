package cn.scanforhelp.cases.duplicate;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/open-cases/check")
@Tag(name = "Cases", description = "Township review: the queue, the procedure, deadlines")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
public class OpenCaseResource {

    private final OpenCaseCheck check;
    private final StaffScope scope;

    public OpenCaseResource(OpenCaseCheck check, StaffScope scope) {
        this.check = check;
        this.scope = scope;
    }

    @POST
    @RolesAllowed(Roles.HOTLINE_OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkOpenCases", summary = "Does this ID number already have an undecided case?",
            description = "For the hotline operator before saving an application: the township and status of each "
                    + "undecided case of the ID number, in any township; no personal data. Audited.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OpenCaseCheck.Query.class),
            examples = @ExampleObject(name = "query", value = "{\"idNumber\":\"620503198001011237\"}")))
    @APIResponse(responseCode = "200", description = "The open cases (empty: none)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = 20,
                    implementation = OpenCaseCheck.OpenCase.class), examples = @ExampleObject(name = "one",
                    value = "[{\"townshipName\":\"利桥镇\",\"status\":\"INVESTIGATION\"}]")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public List<OpenCaseCheck.OpenCase> check(OpenCaseCheck.Query body) {
        if (body == null) {
            throw new ProblemException(400, "malformed-json");
        }
        return check.openCases(body.idNumber(), scope);
    }
}
