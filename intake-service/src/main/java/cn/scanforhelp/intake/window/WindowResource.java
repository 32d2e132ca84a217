package cn.scanforhelp.intake.window;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

/** The township's walk-in window (一门受理): applications the clerk records at the counter. */
@Path("/api/v1/window/applications")
@Tag(name = "window", description = "The township's walk-in window (一门受理)")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
public class WindowResource {

    private final WindowService service;
    private final StaffScope scope;

    public WindowResource(WindowService service, StaffScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.TOWNSHIP_REVIEWER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordWindowApplication", summary = "Record an application made at the township's window",
            description = "Channel WINDOW; the applicant's consent, given at the counter, is recorded with the clerk's "
                    + "name; whether the applicant came in person, the ID card seen and the materials received go to "
                    + "the case. Only inside the clerk's township. No per-address limit (the clerk is signed in). "
                    + "The same Idempotency-Key answers with the first application and creates nothing (replayed "
                    + "true); with another body it is a 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WindowViews.WindowRequest.class), examples = @ExampleObject(
                    name = "counter", value = """
                    {"application":{"divisionCode":"620503114","villageCode":"620503114201","applicant":{"name":"张小三",\
                    "idNumber":"620503198001011237","phone":"13812345678"},"difficulty":"ILLNESS","description":"丈夫住院",\
                    "consent":true,"sensitiveConsent":true,"householdSize":3},"inPerson":true,"idSeen":true,\
                    "materialsReceived":["户口簿","身份证复印件"]}""")))
    @APIResponse(responseCode = "201", description = "Recorded (or, for a repeated Idempotency-Key, the first one)",
            headers = @Header(name = "Location", description = "The application (staff view)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WindowViews.Recorded.class), examples = @ExampleObject(
                            name = "recorded", value = """
                            {"applicationId":"0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11","trackingNumber":"K7QM4HXP2RC",\
                            "trackingNumberDisplay":"K7QM-4HXP-2RC","submittedAt":"2026-11-25T10:00:00+08:00",\
                            "townshipCode":"620503114","townshipName":"利桥镇","hotlines":["0938-2721234"],\
                            "statusUrl":"https://sfh.example.cn/s?t=K7QM-4HXP-2RC","materialsReceived":["户口簿","身份证复印件"],\
                            "nextDeadline":null,"replayed":false}""")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "UnprocessableEntity")
    public Response record(
            @Parameter(description = "Chosen by the clerk's page, once per form: a second submit of the same form "
                    + "creates nothing", schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^[!-~]{1,100}$"))
            @HeaderParam("Idempotency-Key") String idempotencyKey, WindowViews.WindowRequest body) {
        if (body == null) {
            throw new ProblemException(400, "malformed-json");
        }
        WindowViews.Recorded r = service.record(body, scope, idempotencyKey);
        return Response.status(201).entity(r).location(URI.create("/api/v1/applications/" + r.applicationId())).build();
    }

    @GET
    @Path("{trackingNumber}/receipt")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.TOWNSHIP_REVIEWER})
    @Operation(operationId = "getWindowReceipt", summary = "What the receipt (受理回执) of a window application shows",
            description = "Tracking number, date, township and its hotlines, the resident's status page, the materials "
                    + "received and the next deadline once case-service has reported it; no personal value. Only a "
                    + "WINDOW application of the caller's township; any other number is the same 404.")
    @APIResponse(responseCode = "200", description = "The receipt's content", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WindowViews.Recorded.class),
            examples = @ExampleObject(name = "receipt", value = """
                    {"applicationId":"0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11","trackingNumber":"K7QM4HXP2RC",\
                    "trackingNumberDisplay":"K7QM-4HXP-2RC","submittedAt":"2026-11-25T10:00:00+08:00",\
                    "townshipCode":"620503114","townshipName":"利桥镇","hotlines":["0938-2721234"],\
                    "statusUrl":"https://sfh.example.cn/s?t=K7QM-4HXP-2RC","materialsReceived":["户口簿"],\
                    "nextDeadline":"2026-11-30","replayed":false}""")))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No window application of the caller's township has this number",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public WindowViews.Recorded receipt(@PathParam("trackingNumber") @Parameter(description = "With or without dashes",
            schema = @Schema(type = SchemaType.STRING, maxLength = 20, pattern = "^[0-9A-Za-z-]{6,20}$"))
            String trackingNumber) {
        return service.receipt(trackingNumber, scope);
    }
}
