package cn.scanforhelp.cases.procedure;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The procedure table, read-only, so front ends build their actions and forms from it rather than a copy. */
@Path("/api/v1/procedure")
@Tag(name = "Procedure", description = "The statutory procedure as one table")
@RolesAllowed({Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER, Roles.HOTLINE_OPERATOR, Roles.ADMIN})
@SecurityRequirement(name = "oidc")
public class ProcedureResource {

    static final String EXAMPLE = """
            {"actions":[{"name":"REQUEST_MATERIALS","label":{"zh":"一次性告知补充材料","en":"Request materials"},
            "rules":[{"from":"RECEIVED","to":"MATERIALS_REQUESTED","caseTypes":["DIBAO","TEKUN","TEMPORARY"],
            "roles":["district-officer","township-reviewer"],"fields":[{"name":"materials",
            "label":{"zh":"需补充的材料","en":"Missing materials"},"type":"list","required":true,"maxLength":200,
            "maxItems":30,"min":null,"max":null,"options":[]}],"guards":[],
            "clocks":[{"effect":"PAUSE","clock":"ACCEPTANCE"}],"residentEvent":"MATERIALS_REQUESTED"}]}],
            "states":{"RECEIVED":{"zh":"已接收","en":"Received"}},"types":{"DIBAO":{"zh":"最低生活保障","en":"Dibao"}}}""";

    private final ProcedureTable table;

    public ProcedureResource(ProcedureTable table) {
        this.table = table;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProcedure", summary = "The procedure table: actions, fields, roles, clocks",
            description = "Every action with its Chinese and English label and the rows that allow it: from which "
                    + "state, for which case types, by which roles, with which fields (type, required, limits), under "
                    + "which condition, to which state, what it does to the statutory clocks and what the resident "
                    + "hears. Which actions a given case allows now is that case's allowedActions.")
    @APIResponse(responseCode = "200", description = "The table", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProcedureView.Table.class),
            examples = @ExampleObject(name = "procedure", value = EXAMPLE)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response get() {
        CacheControl cc = new CacheControl();
        cc.setMaxAge(300);
        cc.setPrivate(true);
        return Response.ok(table.table()).cacheControl(cc).build();
    }
}
