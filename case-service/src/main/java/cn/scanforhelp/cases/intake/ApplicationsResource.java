package cn.scanforhelp.cases.intake;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where intake's outbox relay delivers applications (service accounts only). */
@Path("/internal/v1/applications")
@Tag(name = "Internal", description = "Calls from the other services (service accounts)")
public class ApplicationsResource {

    static final String EXAMPLE = """
            {"eventId":"6f1c2a52-8a0e-4e8e-9a51-0c0e2b8f6a11","applicationId":"0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20",
             "trackingNumber":"K7QM4HXP2R","channel":"QR","divisionCode":"620503114","townshipName":"利桥镇",
             "villageCode":"620503114201","villageName":"花园村","hotlines":["0938-2731001"],
             "applicant":{"name":"张小三","idNumber":"620503198001011237","phone":"13812345678"},
             "difficulty":"ILLNESS","description":"丈夫住院，无力支付医药费","householdSize":3,"urgent":false,
             "posterCode":"P-620503114-01","consentVersion":"2026-11",
             "submittedAt":"2026-11-29T09:00:00+08:00"}""";

    private final ApplicationReceiver receiver;

    public ApplicationsResource(ApplicationReceiver receiver) {
        this.receiver = receiver;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "receiveApplication", summary = "Receive an application from intake",
            description = "Opens a case in the township's queue, or links the application to the person's open "
                    + "case. Idempotent by applicationId: a repeat has no second effect and gets the same answer.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicationIn.class), examples = @ExampleObject(name = "qr", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The case it opened or was linked to", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Received.class),
            examples = {@ExampleObject(name = "opened",
                    value = "{\"caseId\":\"3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6\",\"linkedToCaseId\":null}"),
                @ExampleObject(name = "duplicate", value = "{\"caseId\":\"3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6\","
                        + "\"linkedToCaseId\":\"3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6\"}")}))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Received receive(@Valid @NotNull ApplicationIn application) {
        return receiver.receive(application);
    }
}
