package cn.scanforhelp.intake.hotline;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** The operator's desk: today's calls, follow-ups and the draft of the call being typed. */
@Path("/api/v1/hotline")
@Tag(name = "hotline", description = "Calls taken by hotline operators")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
public class DeskResource {

    static final String CALL_EXAMPLE = """
            [{"callId":"7a1c2e3f-4b5d-4c6e-8f90-a1b2c3d4e5f6","callerPhone":"138****5678","divisionCode":"620503114",\
            "operator":"operator","startedAt":"2026-11-29T09:00:00+08:00","durationSeconds":300,"notes":"投诉",\
            "outcome":"COMPLAINT","applicationId":null,"trackingNumber":null,"cannedAnswerId":null,"followUp":"OPEN"}]""";

    private final DeskService desk;
    private final StaffScope scope;

    public DeskResource(DeskService desk, StaffScope scope) {
        this.desk = desk;
        this.scope = scope;
    }

    @GET
    @Path("/follow-ups")
    @RolesAllowed({Roles.HOTLINE_OPERATOR, Roles.DISTRICT_OFFICER})
    @Operation(operationId = "listOpenFollowUps", summary = "Complaints and requests for another department not yet closed",
            description = "Only calls in the user's division; oldest first, at most 200.")
    @APIResponse(responseCode = "200", description = "Open follow-ups", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = 200,
                    implementation = HotlineViews.Call.class), examples = @ExampleObject(name = "open", value = CALL_EXAMPLE)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public List<HotlineViews.Call> followUps() {
        return desk.openFollowUps(scope);
    }

    @GET
    @Path("/draft")
    @RolesAllowed(Roles.HOTLINE_OPERATOR)
    @Operation(operationId = "getMyDraft", summary = "The call the operator was typing (kept when a call drops)")
    @APIResponse(responseCode = "200", description = "The draft", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.Draft.class), examples = @ExampleObject(name = "draft",
                    value = "{\"payload\":\"{\\\"callerPhone\\\":\\\"0938821\\\"}\",\"updatedAt\":\"2026-11-29T09:01:00+08:00\"}")))
    @APIResponse(responseCode = "204", description = "No draft")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public Response draft() {
        HotlineViews.Draft d = desk.draft(scope);
        return d == null ? Response.noContent().build() : Response.ok(d).build();
    }

    @PUT
    @Path("/draft")
    @RolesAllowed(Roles.HOTLINE_OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "keepMyDraft", summary = "Keep the call being typed (encrypted; one per operator)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.Draft.class), examples = @ExampleObject(name = "draft",
                    value = "{\"payload\":\"{\\\"callerPhone\\\":\\\"0938821\\\"}\",\"callKey\":\"3f2b1c9e\"}")))
    @APIResponse(responseCode = "204", description = "Kept (or ignored: the call of that key is already saved)")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public Response keepDraft(HotlineViews.Draft body) {
        if (body == null) {
            throw new ProblemException(400, "malformed-json");
        }
        desk.keepDraft(body.payload(), body.callKey(), scope);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/draft")
    @RolesAllowed(Roles.HOTLINE_OPERATOR)
    @Operation(operationId = "dropMyDraft", summary = "Forget the draft (the call was saved or abandoned)")
    @APIResponse(responseCode = "204", description = "Gone")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public Response dropDraft() {
        desk.dropDraft(scope);
        return Response.noContent().build();
    }
}
