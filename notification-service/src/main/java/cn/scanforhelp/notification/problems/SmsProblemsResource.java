package cn.scanforhelp.notification.problems;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The officer's list of SMS that went wrong in their division (a township reviewer: their township). */
@Path("/api/v1/notifications/problems")
@Tag(name = "Notifications", description = "The SMS sent to an applicant")
public class SmsProblemsResource {

    static final String EXAMPLE = """
            {"items":[{"id":"9d3b6a0e-5f4c-4b2a-8e1d-7c6b5a4f3e21","caseId":"5f0c2b8e-2f7d-4c1a-9a51-3c1e6b7d8f90",
             "trackingNumber":"K7QM4HXP2R","divisionCode":"620503114","eventType":"ACCEPTED","status":"UNDELIVERABLE",
             "receiptState":"UNDELIV","receiptError":"001","lastError":null,"createdAt":"2026-11-29T01:00:05Z",
             "sentAt":"2026-11-29T01:00:06Z","resendOf":null,"resentAs":null,"resendStatus":null,"resent":false,
             "handled":false,"handledAt":null,"handledBy":null,"handledNote":null}],"page":0,"size":20,"total":1}""";

    private final SmsProblems problems;

    public SmsProblemsResource(SmsProblems problems) {
        this.problems = problems;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.TOWNSHIP_REVIEWER})
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "listSmsProblems", summary = "SMS that went wrong in the caller's division",
            description = "FAILED, UNDELIVERABLE, EXPIRED and UNKNOWN messages, newest first, with their case, the "
                    + "receipt's error and whether they were resent or handled; no phone, no text. `view=open` (the "
                    + "default) leaves out those handled or resent (a resend that failed is listed itself). Audited.")
    @APIResponse(responseCode = "200", description = "One page of messages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemPage.class),
                    examples = @ExampleObject(name = "undeliverable", value = EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ProblemPage list(
            @QueryParam("view") @DefaultValue("open") @Pattern(regexp = "^(open|all)$")
            @Parameter(description = "open: still to be dealt with; all: also those handled or resent",
                    schema = @Schema(enumeration = {"open", "all"}, maxLength = 4, pattern = "^(open|all)$"))
            String view,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "100000"))
            int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100"))
            int size) {
        return problems.list("open".equals(view), page, size);
    }
}
