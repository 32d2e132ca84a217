package cn.scanforhelp.intake.alert;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemMessages;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/alerts")
@Tag(name = "alerts", description = "Monitoring alerts from other departments")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@RolesAllowed({Roles.DISTRICT_OFFICER, Roles.IMPORT_ALERTS})
public class AlertResource {

    static final String RESULT = """
            {"total":2,"created":1,"duplicate":0,"invalid":1,"rows":[\
            {"row":1,"outcome":"CREATED","applicationId":"0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11","trackingNumber":"K7QM4HXP2RC"},\
            {"row":2,"outcome":"INVALID","errors":[{"field":"idNumber","code":"id-number.check-digit","message":"身份证号码校验位不正确，请核对"}]}]}""";
    static final String CSV_EXAMPLE = """
            source,idNumber,name,divisionCode,reason,date
            医疗保障局,620503198001011237,张小三,620503114,HIGH_MEDICAL_COST,2026-11-01
            """;

    private final AlertService service;
    private final StaffScope scope;

    public AlertResource(AlertService service, StaffScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importAlerts", summary = "Import a batch of alerts (JSON)",
            description = "Each row is validated and stored on its own; valid rows become applications with channel "
                    + "MONITORING for home verification. A person with an open alert gets no second one.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AlertViews.Batch.class), examples = @ExampleObject(name = "batch", value = """
                    {"alerts":[{"source":"医疗保障局","idNumber":"620503198001011237","name":"张小三",\
                    "divisionCode":"620503114","reason":"HIGH_MEDICAL_COST","date":"2026-11-01"}]}""")))
    @APIResponse(responseCode = "200", description = "Every row's outcome", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertViews.Result.class),
            examples = @ExampleObject(name = "mixed", value = RESULT)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public AlertViews.Result importJson(@Context HttpHeaders headers, AlertViews.Batch batch) {
        if (batch == null) {
            throw new ProblemException(400, "malformed-json");
        }
        return service.importBatch(batch.alerts(), covers(), ProblemMessages.localeOf(headers));
    }

    @POST
    @Consumes({"text/csv", "application/csv"})
    @Operation(operationId = "importAlertsCsv", summary = "Import a batch of alerts (CSV)",
            description = "UTF-8, with or without BOM; header row source,idNumber,name,divisionCode,reason,date "
                    + "(optional phone,note); at most 10,000 rows.")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, maxLength = 4_000_000),
            examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Every row's outcome", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertViews.Result.class),
            examples = @ExampleObject(name = "mixed", value = RESULT)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public AlertViews.Result importCsv(@Context HttpHeaders headers, byte[] body) {
        return service.importBatch(AlertCsv.parse(body == null ? new byte[0] : body), covers(),
                ProblemMessages.localeOf(headers));
    }

    /** Service accounts of other departments carry no division: the whole service area. */
    private Predicate<String> covers() {
        if (scope.hasRole(Roles.DISTRICT_OFFICER)) {
            String division = scope.division();
            return code -> code.startsWith(division);
        }
        return code -> true;
    }
}
