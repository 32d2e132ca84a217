package cn.scanforhelp.intake.hotline;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The district's canned answers for the hotline. */
@Path("/api/v1/hotline/answers")
@Tag(name = "hotline", description = "Calls taken by hotline operators")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
public class CannedAnswerResource {

    private static final String ANSWER = """
            {"id":"5b0c8a52-3f3e-4c77-9d11-0c1a1e000001","divisionCode":"620503","title":"低保申请条件",\
            "body":"家庭人均收入低于当地低保标准……","retired":false}""";
    private static final String CHANGE = "{\"title\":\"低保申请条件\",\"body\":\"家庭人均收入低于当地低保标准……\"}";

    private final CannedAnswers answers;
    private final StaffScope scope;

    public CannedAnswerResource(CannedAnswers answers, StaffScope scope) {
        this.answers = answers;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.HOTLINE_OPERATOR, Roles.DISTRICT_OFFICER, Roles.ADMIN})
    @Operation(operationId = "listCannedAnswers", summary = "The canned answers for the user's division",
            description = "Those kept for the user's division or one above it, and for divisions under it.")
    @APIResponse(responseCode = "200", description = "By title", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 500, implementation = HotlineViews.Answer.class),
            examples = @ExampleObject(name = "answers", value = "[" + ANSWER + "]")))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public List<HotlineViews.Answer> list(
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "true: retired ones too",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"true", "false"}, maxLength = 5))
            @QueryParam("retired") String withRetired) {
        return answers.list(scope, "true".equals(withRetired));
    }

    @POST
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCannedAnswer", summary = "Add a canned answer for the user's division")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.AnswerChange.class),
            examples = @ExampleObject(name = "new", value = CHANGE)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.Answer.class), examples = @ExampleObject(name = "added", value = ANSWER)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public Response create(HotlineViews.AnswerChange body) {
        if (body == null) {
            throw new ProblemException(400, "malformed-json");
        }
        return Response.status(201).entity(answers.create(body, scope)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateCannedAnswer", summary = "Change or retire a canned answer in the user's division")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.AnswerChange.class),
            examples = @ExampleObject(name = "retire", value = "{\"title\":\"低保申请条件\",\"body\":\"……\",\"retired\":true}")))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.Answer.class), examples = @ExampleObject(name = "changed", value = ANSWER)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public HotlineViews.Answer update(@PathParam("id") UUID id, HotlineViews.AnswerChange body) {
        if (body == null) {
            throw new ProblemException(400, "malformed-json");
        }
        return answers.update(id, body, scope);
    }
}
