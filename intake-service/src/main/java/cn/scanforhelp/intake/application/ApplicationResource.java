package cn.scanforhelp.intake.application;

import cn.scanforhelp.infra.problem.ProblemMessages;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import cn.scanforhelp.intake.ratelimit.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications")
@Tag(name = "applications", description = "Requests for help: submit, look up")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    static final String EXAMPLE = """
            {"divisionCode":"620503114","applicant":{"name":"张小三","idNumber":"620503198001011237",\
            "phone":"13812345678"},"difficulty":"ILLNESS","description":"丈夫住院，医药费负担重",\
            "consent":true,"householdSize":3,"urgent":false}""";

    private final ApplicationService service;
    private final ApplicationQueries queries;
    private final RateLimiter rateLimiter;
    private final StaffScope scope;
    private final cn.scanforhelp.intake.challenge.Challenges challenges;

    public ApplicationResource(ApplicationService service, ApplicationQueries queries, RateLimiter rateLimiter,
            StaffScope scope, cn.scanforhelp.intake.challenge.Challenges challenges) {
        this.challenges = challenges;
        this.service = service;
        this.queries = queries;
        this.rateLimiter = rateLimiter;
        this.scope = scope;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet({})
    @Operation(operationId = "submitApplication", summary = "Apply for help (no login)",
            description = "Validates every field at once and answers 202 with a tracking number. Send an "
                    + "Idempotency-Key so that a retry over a weak network creates nothing new.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicationCommand.class),
            examples = @ExampleObject(name = "illness", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Accepted; keep the tracking number",
            headers = @Header(name = "Location", description = "The application (staff view)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationViews.Accepted.class),
                    examples = @ExampleObject(name = "accepted", value = """
                            {"applicationId":"0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11","trackingNumber":"K7QM4HXP2RC",\
                            "trackingNumberDisplay":"K7QM-4HXP-2RC","status":"RECEIVED"}""")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(responseCode = "413", description = "The body is over 64 KB", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "415", description = "Not application/json", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "403", description = "The address sent sfh.challenge.after (3) applications this hour: "
            + "answer the problem's challenge.question and send again with Challenge-Token and Challenge-Answer "
            + "(problem challenge-required, or challenge-failed for a wrong, expired or reused token)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "challenge",
                    value = """
                            {"type":"urn:scan-for-help:problem:challenge-required","title":"请先回答问题","status":403,\
                            "detail":"这个网络地址最近提交了多份申请，请先回答问题再提交。",\
                            "challenge":{"question":"七加五等于几？","token":"q1w2e3r4t5y6u7i8o9p0.1796000000.0a1b2c3d4e5f60718293a4b5c6d7e8f9"}}""")))
    @APIResponse(ref = "UnprocessableEntity")
    @APIResponse(ref = "TooManyRequests")
    public Response submit(
            @Parameter(description = "A client-chosen key (e.g. a UUID) that makes a retry safe",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^[!-~]{1,100}$"))
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "The token of a 403 challenge-required problem",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^[A-Za-z0-9_.-]{1,100}$"))
            @HeaderParam("Challenge-Token") String challengeToken,
            @Parameter(description = "Its answer (digits)", schema = @Schema(type = SchemaType.STRING, maxLength = 4,
                    pattern = "^[0-9]{1,4}$")) @HeaderParam("Challenge-Answer") String challengeAnswer,
            @Context HttpServerRequest request, @Context HttpHeaders headers, ApplicationCommand command) {
        rateLimiter.hit(RateLimiter.Limit.SUBMIT_PER_ADDRESS, ClientAddress.of(request));
        challenges.check(ClientAddress.of(request), challengeToken, challengeAnswer, ProblemMessages.localeOf(headers));
        if (command == null) {
            throw new cn.scanforhelp.infra.problem.ProblemException(400, "malformed-json");
        }
        SubmissionResult r = service.submit(command, Channel.QR, idempotencyKey);
        return Response.accepted(accepted(r)).location(URI.create("/api/v1/applications/" + r.applicationId())).build();
    }

    public static ApplicationViews.Accepted accepted(SubmissionResult r) {
        return new ApplicationViews.Accepted(r.applicationId(), r.trackingNumber(),
                TrackingNumbers.display(r.trackingNumber()), "RECEIVED");
    }

    @POST
    @Path("/lookup")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet({})
    @Operation(operationId = "lookupApplication", summary = "Where is my application? (no login)",
            description = "Needs the tracking number and the last 4 digits of the phone given. An unknown "
                    + "number and wrong digits get the same 404. After sfh.lookup.max-failures-per-day (10) wrong "
                    + "answers in a day (China time) a tracking number is locked until midnight, from every "
                    + "address: 429 problem lookup-locked with Retry-After and retryAt.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicationViews.LookupRequest.class),
            examples = @ExampleObject(name = "lookup", value = "{\"trackingNumber\":\"K7QM-4HXP-2RC\",\"phoneLast4\":\"5678\"}")))
    @APIResponse(responseCode = "200", description = "The status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationViews.LookupResult.class),
            examples = @ExampleObject(name = "received", value = """
                    {"trackingNumber":"K7QM-4HXP-2RC","status":"RECEIVED","statusText":"已收到",\
                    "townshipCode":"620503114","township":"利桥镇","hotlines":["0938-2731234"],\
                    "lastUpdate":"2026-11-29T09:00:00+08:00"}""")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "TooManyRequests")
    public ApplicationViews.LookupResult lookup(@Context HttpServerRequest request, @Context HttpHeaders headers,
            ApplicationViews.LookupRequest body) {
        rateLimiter.hit(RateLimiter.Limit.LOOKUP_PER_ADDRESS, ClientAddress.of(request));
        if (body == null) {
            throw new cn.scanforhelp.infra.problem.ProblemException(400, "malformed-json");
        }
        return queries.lookup(body.trackingNumber(), body.phoneLast4(), ProblemMessages.localeOf(headers));
    }

    @GET
    @Path("/{applicationId}")
    @RolesAllowed({Roles.HOTLINE_OPERATOR, Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER, Roles.ADMIN})
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "getApplication", summary = "One application, personal fields masked (staff)")
    @APIResponse(responseCode = "200", description = "The application", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationViews.Summary.class),
            examples = @ExampleObject(name = "application", value = """
                    {"applicationId":"0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11","trackingNumber":"K7QM4HXP2RC",\
                    "channel":"QR","divisionCode":"620503114","applicantName":"张*三","idNumber":"620503********123X",\
                    "phone":"138****5678","difficulty":"ILLNESS","urgent":false,"status":"RECEIVED"}""")))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public ApplicationViews.Summary get(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("applicationId") UUID applicationId) {
        return queries.get(applicationId, scope::covers);
    }
}
