package cn.scanforhelp.cases.intake;

import cn.scanforhelp.infra.outbox.BatchAnswer;
import cn.scanforhelp.infra.outbox.BatchReceiver;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

    /** A second application, of another channel, for the batch example. */
    static final String EXAMPLE_HOTLINE = """
            {"eventId":"9a3e5c71-2b4d-4f6e-8a19-3c5d7e9f1b24","applicationId":"4d2f6a8c-1e3b-4c5d-9f70-8b6a4c2e0d13",
             "trackingNumber":"M8RN5JYQ3S","channel":"HOTLINE","divisionCode":"620503116","townshipName":"党川镇",
             "hotlines":[],"applicant":{"name":"王大明","idNumber":"620503195001010013","phone":"13912345678"},
             "difficulty":"ELDERLY_ALONE","description":"独居老人，行动不便","householdSize":1,"urgent":true,
             "consentVersion":"2026-11","submittedAt":"2026-11-29T09:05:00+08:00"}""";

    /** At most this many applications in one batch call (intake's relay sends at most as many). */
    static final int MAX_BATCH = BatchReceiver.MAX_EVENTS;

    private final ApplicationReceiver receiver;
    private final BatchReceiver batches;
    private final StaffScope caller;

    public ApplicationsResource(ApplicationReceiver receiver, BatchReceiver batches, StaffScope caller) {
        this.receiver = receiver;
        this.batches = batches;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUBMIT_APPLICATIONS)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "receiveApplication", summary = "Receive an application from intake",
            description = "Opens a case in the township's queue, or links the application to the person's open "
                    + "case. Idempotent by applicationId: a repeat has no second effect and gets the same answer. "
                    + "Only for the client role submit-applications (intake-service's account); an application "
                    + "whose divisionCode is outside this service's area (sfh.service-area) is refused with 400.")
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
        return receiver.receive(application, caller.callerClient());
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUBMIT_APPLICATIONS)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "receiveApplications", summary = "Receive a batch of applications from intake",
            description = "Up to 100 applications in one call, with one token check and, normally, one transaction "
                    + "for all of them. Each is received exactly as by receiveApplication (idempotent by "
                    + "applicationId, linked to the person's open case) and gets its own result, in the order sent: "
                    + "status 200 with the answer receiveApplication gives, or the status it would have had alone "
                    + "(400 for an invalid item, with its problem type; nothing of its content is echoed). An invalid "
                    + "or failing item never holds back the others. The call itself answers 400 for an empty array, "
                    + "more than 100 items or a body that is not a JSON array; a body over the service's limit (64 KB "
                    + "by default) is refused with 413, so the sender keeps each call below it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicationIn.class, minItems = 1,
                    maxItems = MAX_BATCH),
            examples = @ExampleObject(name = "two", value = "[" + EXAMPLE + ",\n" + EXAMPLE_HOTLINE + "]")))
    @APIResponse(responseCode = "200", description = "One result per application, in the order sent", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationResults.class),
            examples = @ExampleObject(name = "opened, linked and refused", value = """
                    {"results":[
                     {"status":200,"problem":null,"body":{"caseId":"3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6","linkedToCaseId":null}},
                     {"status":200,"problem":null,"body":{"caseId":"7b1e2d3c-4f5a-4b6c-9d8e-0f1a2b3c4d5e",
                      "linkedToCaseId":"7b1e2d3c-4f5a-4b6c-9d8e-0f1a2b3c4d5e"}},
                     {"status":400,"problem":"urn:scan-for-help:problem:validation-failed","body":null}]}""")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public BatchAnswer receiveAll(@NotNull @Size(min = 1, max = MAX_BATCH) List<JsonNode> applications) {
        // read item by item: one item of a wrong shape is that item's 400, not the whole call's
        String source = caller.callerClient();
        return batches.receiveAll(batches.read(applications, ApplicationIn.class), b -> receiver.receiveAll(b, source));
    }

    /** What the batch call answers (a {@link BatchAnswer} whose bodies are {@link Received}), for the API document. */
    @Schema(name = "ApplicationResults", description = "One result per application, in the order they were sent")
    record ApplicationResults(@Schema(maxItems = MAX_BATCH) List<ApplicationResult> results) {
    }

    /** body: for an accepted application, the answer of receiveApplication; null for a refused one. */
    @Schema(name = "ApplicationResult", description = "The result for one application: its status, for a refusal "
            + "the problem type, for an accepted one the answer of receiveApplication (body)")
    record ApplicationResult(
            @Schema(format = "int32", minimum = "200", maximum = "599", description = "the status this application "
                    + "alone would have had", examples = "200") int status,
            @Schema(nullable = true, maxLength = 100, pattern = "^urn:scan-for-help:problem:[a-z0-9-]+$",
                    description = "for a refusal, the problem type",
                    examples = "urn:scan-for-help:problem:validation-failed") String problem,
            @Schema(nullable = true) Received body) {
    }
}
