package cn.scanforhelp.cases.sampling;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sampling checks (抽查) of a township's decided cases by the district officer: draw, read, record each check. */
@Path("/api/v1/samplings")
@Tag(name = "Sampling", description = "Sampling checks (抽查) of decided cases by the district officer")
@RolesAllowed(Roles.DISTRICT_OFFICER)
@SecurityRequirement(name = "oidc")
public class SamplingsResource {

    static final String DETAILS_EXAMPLE = """
            {"id":"3f1c9a52-8d7e-4b6a-9c01-2e3f4a5b6c7d","townshipCode":"620503114","townshipName":"利桥镇",
            "from":"2026-10-01","to":"2026-11-30","seed":-4962768465676381896,"drawnBy":"officer",
            "drawnAt":"2026-12-01T09:30:00+08:00","strata":[{"type":"DIBAO","population":20,"share":0.1,"drawn":2},
            {"type":"TEKUN","population":3,"share":0.3,"drawn":1}],"cases":[{"caseId":"0b8f6c2e-1a3d-4e5f-8a9b-7c6d5e4f3a2b",
            "trackingNumber":"K7M2Q9XH3T","type":"TEKUN","decision":"APPROVED","decidedOn":"2026-11-12",
            "applicantName":"张*三","villageName":"花园村","outcome":"PROBLEM_FOUND","note":"家庭收入核算漏计转移性收入",
            "checkedBy":"officer","checkedAt":"2026-12-02T15:10:00+08:00"}]}""";
    static final String LIST_EXAMPLE = """
            [{"id":"3f1c9a52-8d7e-4b6a-9c01-2e3f4a5b6c7d","townshipCode":"620503114","townshipName":"利桥镇",
            "from":"2026-10-01","to":"2026-11-30","drawnBy":"officer","drawnAt":"2026-12-01T09:30:00+08:00",
            "sampled":3,"checked":1,"problems":1}]""";

    private final Samplings samplings;

    public SamplingsResource(Samplings samplings) {
        this.samplings = samplings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "drawSampling", summary = "Draw a random sample of a township's decided cases",
            description = "Of the township's cases decided (APPROVED or REJECTED) between from and to (decision dates"
                    + " in Asia/Shanghai, inclusive, at most 366 days), per assistance type the share"
                    + " sfh.sampling.share.<TYPE> (else sfh.sampling.share.default), rounded up, at least one."
                    + " The seed is recorded with the sampling, with who drew it and when. 403 for a township outside"
                    + " the caller's division; 409 when the township has no decided case in the period. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SamplingRequest.class),
            examples = @ExampleObject(name = "liqiao", value = "{\"townshipCode\":\"620503114\",\"from\":\"2026-10-01\","
                    + "\"to\":\"2026-11-30\"}")))
    @APIResponse(responseCode = "201", description = "The sampling with its drawn cases",
            headers = @Header(name = "Location", description = "the sampling",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SamplingViews.Details.class),
                    examples = @ExampleObject(name = "sampling", value = DETAILS_EXAMPLE)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "TooManyRequests")
    public Response draw(@Valid @NotNull SamplingRequest body) {
        SamplingViews.Details d = samplings.draw(body);
        return Response.created(URI.create("/api/v1/samplings/" + d.id())).entity(d).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSamplings", summary = "The samplings of the caller's division, newest first",
            description = "At most 100, each with how many cases it drew, how many are checked and how many had a"
                    + " problem. No personal data.")
    @APIResponse(responseCode = "200", description = "The samplings", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = Samplings.LIST_LIMIT,
                    implementation = SamplingViews.Summary.class),
            examples = @ExampleObject(name = "samplings", value = LIST_EXAMPLE)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public List<SamplingViews.Summary> list() {
        return samplings.list();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSampling", summary = "A sampling with its drawn cases and their checks",
            description = "Each drawn case: tracking number, type, decision and decision date as drawn, the masked"
                    + " name, the check's outcome and note. 404 outside the caller's division. Audited.")
    @APIResponse(responseCode = "200", description = "The sampling", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SamplingViews.Details.class),
            examples = @ExampleObject(name = "sampling", value = DETAILS_EXAMPLE)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "TooManyRequests")
    public SamplingViews.Details get(@PathParam("id") UUID id) {
        return samplings.get(id);
    }

    @POST
    @Path("{id}/cases/{caseId}/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkSampledCase", summary = "Record the check of one drawn case",
            description = "CONFIRMED, or PROBLEM_FOUND with a note (at most 500 characters, kept encrypted). A repeat"
                    + " replaces the earlier outcome; each is audited. 404 for a case the sampling did not draw.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CheckRequest.class),
            examples = @ExampleObject(name = "problem", value = "{\"outcome\":\"PROBLEM_FOUND\","
                    + "\"note\":\"家庭收入核算漏计转移性收入\"}")))
    @APIResponse(responseCode = "200", description = "The sampling with the check recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SamplingViews.Details.class),
            examples = @ExampleObject(name = "sampling", value = DETAILS_EXAMPLE)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "TooManyRequests")
    public SamplingViews.Details check(@PathParam("id") UUID id, @PathParam("caseId") UUID caseId,
            @Valid @NotNull CheckRequest body) {
        return samplings.check(id, caseId, body);
    }
}
