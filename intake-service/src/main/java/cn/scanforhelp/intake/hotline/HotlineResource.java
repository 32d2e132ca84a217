package cn.scanforhelp.intake.hotline;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/hotline/calls")
@Tag(name = "hotline", description = "Calls taken by hotline operators")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
public class HotlineResource {

    private static final String CALL_EXAMPLE = DeskResource.CALL_EXAMPLE;

    private final HotlineService service;
    private final DeskService desk;
    private final StaffScope scope;

    public HotlineResource(HotlineService service, DeskService desk, StaffScope scope) {
        this.service = service;
        this.desk = desk;
        this.scope = scope;
    }

    @POST
    @RolesAllowed(Roles.HOTLINE_OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordHotlineCall", summary = "Record a call; outcome APPLICATION also applies",
            description = "Every call is recorded. With outcome APPLICATION the application is created with channel "
                    + "HOTLINE; the caller's consent is recorded as given by phone, with the operator's name.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.CallRequest.class), examples = {
                @ExampleObject(name = "application", value = """
                        {"callerPhone":"13812345678","divisionCode":"620503114","startedAt":"2026-11-29T09:00:00+08:00",\
                        "durationSeconds":300,"notes":"代为申请","outcome":"APPLICATION","application":{"divisionCode":"620503114",\
                        "applicant":{"name":"张小三","idNumber":"620503198001011237","phone":"13812345678"},"difficulty":"ILLNESS",\
                        "description":"丈夫住院","consent":true}}"""),
                @ExampleObject(name = "inquiry", value = """
                        {"callerPhone":"13812345678","divisionCode":"620503114","startedAt":"2026-11-29T09:00:00+08:00",\
                        "durationSeconds":120,"notes":"询问低保条件","outcome":"QUESTION"}""")}))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.Recorded.class), examples = @ExampleObject(name = "recorded",
                    value = """
                            {"callId":"7a1c2e3f-4b5d-4c6e-8f90-a1b2c3d4e5f6","applicationId":"0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11",\
                            "trackingNumber":"K7QM4HXP2RC","trackingNumberDisplay":"K7QM-4HXP-2RC"}""")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "UnprocessableEntity")
    public Response record(
            @Parameter(description = "Makes a repeated submission of the same call safe",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^[!-~]{1,100}$"))
            @HeaderParam("Idempotency-Key") String idempotencyKey, HotlineViews.CallRequest body) {
        if (body == null) {
            throw new ProblemException(400, "malformed-json");
        }
        scope.division();
        return Response.status(201).entity(service.record(body, scope, idempotencyKey)).build();
    }

    @GET
    @RolesAllowed({Roles.HOTLINE_OPERATOR, Roles.DISTRICT_OFFICER})
    @Operation(operationId = "findCallerHistory", summary = "Earlier calls and applications from a number",
            description = "Only records in the caller's division; personal fields masked.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.History.class), examples = @ExampleObject(name = "history",
                    value = """
                            {"calls":[{"callId":"7a1c2e3f-4b5d-4c6e-8f90-a1b2c3d4e5f6","callerPhone":"138****5678",\
                            "divisionCode":"620503114","operator":"operator","startedAt":"2026-11-29T09:00:00+08:00",\
                            "durationSeconds":300,"outcome":"APPLICATION"}],"applications":[]}""")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public HotlineViews.History history(
            @Parameter(required = true, description = "The caller's number", example = "13812345678",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 20, pattern = "^[0-9+ -]{5,20}$"))
            @QueryParam("phone") String phone) {
        return service.history(phone, scope);
    }

    @GET
    @Path("/today")
    @RolesAllowed(Roles.HOTLINE_OPERATOR)
    @Operation(operationId = "listMyCallsToday", summary = "The calls the signed-in operator recorded today (China time)")
    @APIResponse(responseCode = "200", description = "Newest first, at most 200", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = 200,
                    implementation = HotlineViews.Call.class), examples = @ExampleObject(name = "today", value = CALL_EXAMPLE)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public List<HotlineViews.Call> today() {
        scope.division();
        return desk.today(scope);
    }

    @POST
    @Path("/{callId}/follow-up/close")
    @RolesAllowed({Roles.HOTLINE_OPERATOR, Roles.DISTRICT_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeFollowUp", summary = "Close a follow-up with what was done")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.Close.class),
            examples = @ExampleObject(name = "close", value = "{\"result\":\"已转交区人社局，来电人已知悉\"}")))
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HotlineViews.Call.class), examples = @ExampleObject(name = "closed",
                    value = "{\"callId\":\"7a1c2e3f-4b5d-4c6e-8f90-a1b2c3d4e5f6\",\"outcome\":\"COMPLAINT\",\"followUp\":\"CLOSED\"}")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    public HotlineViews.Call close(@PathParam("callId") UUID callId, HotlineViews.Close body) {
        if (body == null) {
            throw new ProblemException(400, "malformed-json");
        }
        return desk.close(callId, body.result(), scope);
    }

}
