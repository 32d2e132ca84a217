package cn.scanforhelp.cases.notice;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The objections filed against a case's public notice, for the reviewer (scoped like every case read, audited). */
@Path("/api/v1/cases/{id}/objections")
@Tag(name = "Public notice", description = "公示 and the objections residents file on its public page")
@RolesAllowed({Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
@SecurityRequirement(name = "oidc")
public class ObjectionsReadResource {

    private static final String EXAMPLE = """
            [{"id":"5b2f0c1e-7a3d-4e9f-8b6a-1c2d3e4f5a6b","receivedAt":"2026-12-02T10:00:00+08:00",
            "recordedAt":"2026-12-02T10:00:03+08:00","text":"该户家中有经营性收入","named":true,
            "outcome":"REINVESTIGATION"}]""";

    private final Objections objections;

    public ObjectionsReadResource(Objections objections) {
        this.objections = objections;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listObjections", summary = "The objections filed against the case's public notice",
            description = "Oldest first; empty when none. The text is the resident's and may carry personal data:"
                    + " every read is audited (READ_OBJECTIONS). The objector's name and contact are not returned.")
    @APIResponse(responseCode = "200", description = "The objections", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ObjectionView.class, maxItems = 1000),
            examples = @ExampleObject(name = "objections", value = EXAMPLE)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "TooManyRequests")
    public List<ObjectionView> list(@PathParam("id") UUID id) {
        return objections.of(id);
    }
}
