package cn.scanforhelp.intake.notice;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** case-service publishes or withdraws a 公示 (docs/contracts.md); idempotent by eventId. */
@Path("/internal/v1/notices")
@Tag(name = "internal", description = "Calls from the other services (service accounts)")
public class NoticeEventsResource {

    private final NoticeService notices;
    private final StaffScope caller;

    public NoticeEventsResource(NoticeService notices, StaffScope caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PUBLISH_NOTICES)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "receiveNoticeEvent", summary = "case-service publishes or withdraws a public notice (idempotent)",
            description = "PUBLISHED puts the notice on /notices/{townshipCode} until endsAt; WITHDRAWN takes it off. "
                    + "Only the masked name, household size, type and amount are accepted; each eventId is applied "
                    + "once. Only for the client role publish-notices (case-service's account).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoticeEvent.class), examples = @ExampleObject(name = "published", value = """
                    {"eventId":"5d8e0c4b-2a71-4b0e-9d3c-1f6a7e2b9c40","noticeId":"9b2f6d3e-1c4a-4e8b-a7d5-3f0c2e1b8a96",\
                    "event":"PUBLISHED","townshipCode":"620503114","townshipName":"利桥镇","villageCode":"620503114201",\
                    "villageName":"花园村","maskedName":"张*","householdSize":3,"assistanceType":"DIBAO","amountYuan":860.00,\
                    "publishedAt":"2026-11-25T10:00:00+08:00","endsAt":"2026-12-02T10:00:00+08:00"}""")))
    @APIResponse(responseCode = "204", description = "Applied (or a repeat, ignored)")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public Response receive(NoticeEvent event) {
        if (event == null) {
            throw new ProblemException(400, "malformed-json");
        }
        notices.apply(event, caller.callerClient());
        return Response.noContent().build();
    }
}
