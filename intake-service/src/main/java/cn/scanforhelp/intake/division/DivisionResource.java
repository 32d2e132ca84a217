package cn.scanforhelp.intake.division;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
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

@Path("/api/v1/divisions")
@Tag(name = "divisions", description = "The township directory and its hotlines")
@Produces(MediaType.APPLICATION_JSON)
public class DivisionResource {

    static final String ONE = """
            {"code":"620503114","name":"利桥镇","level":"township","parentCode":"620503",\
            "hotlines":["0938-2731234"],"active":true}""";

    private final DivisionService service;
    private final DivisionImports imports;

    public DivisionResource(DivisionService service, DivisionImports imports) {
        this.imports = imports;
        this.service = service;
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet({})
    @Operation(operationId = "listDivisions", summary = "Divisions under a code (no login)",
            description = "The townships of a county, the villages of a township, with hotlines. Without "
                    + "parent: the divisions of the service area.")
    @APIResponse(responseCode = "200", description = "The divisions, by code", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DivisionView.class, maxItems = 10000),
            examples = @ExampleObject(name = "townships", value = "[" + ONE + "]")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    public List<DivisionView> list(
            @Parameter(description = "Parent division code", example = "620503",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{2,12}$", maxLength = 12))
            @QueryParam("parent") String parent,
            @Parameter(description = "Only divisions of this level",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 12,
                            enumeration = {"province", "city", "county", "subdistrict", "township", "zone", "village"}))
            @QueryParam("level") String level) {
        return service.children(parent, level);
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @SecurityRequirementsSet({})
    @Operation(operationId = "getDivision", summary = "One division (no login); ETag for updates")
    @APIResponse(responseCode = "200", description = "The division",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = 20)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DivisionView.class), examples = @ExampleObject(name = "township", value = ONE)))
    @APIResponse(ref = "NotFound")
    public Response get(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{2,12}$", maxLength = 12))
            @PathParam("code") String code) {
        Division d = service.get(code);
        return Response.ok(DivisionView.of(d)).tag(new EntityTag(Integer.toString(d.version))).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "updateDivision", summary = "Change a division's name, hotlines or active flag (admin)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DivisionChange.class),
            examples = @ExampleObject(name = "hotlines", value = "{\"hotlines\":[\"0938-2731234\",\"0938-2731235\"]}")))
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = 20)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DivisionView.class), examples = @ExampleObject(name = "township", value = ONE)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "PreconditionRequired")
    public Response update(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{2,12}$", maxLength = 12))
            @PathParam("code") String code,
            @Parameter(description = "The ETag read", schema = @Schema(type = SchemaType.STRING, maxLength = 20))
            @HeaderParam("If-Match") String ifMatch, DivisionChange change) {
        if (change == null) {
            throw new cn.scanforhelp.infra.problem.ProblemException(400, "malformed-json");
        }
        Division d = service.update(code, new DivisionService.Change(change.name(), change.hotlines(), change.active()), ifMatch);
        return Response.ok(DivisionView.of(d)).tag(new EntityTag(Integer.toString(d.version))).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "addVillage", summary = "Add a village under a township (admin)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewVillage.class),
            examples = @ExampleObject(name = "village", value = "{\"code\":\"620503114201\",\"name\":\"利桥村\",\"hotlines\":[]}")))
    @APIResponse(responseCode = "201", description = "Added",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DivisionView.class),
                    examples = @ExampleObject(name = "village", value = """
                            {"code":"620503114201","name":"利桥村","level":"village","parentCode":"620503114","hotlines":[],"active":true}""")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "Conflict")
    public Response addVillage(NewVillage body) {
        if (body == null) {
            throw new cn.scanforhelp.infra.problem.ProblemException(400, "malformed-json");
        }
        Division d = service.addVillage(new DivisionService.NewVillage(body.code(), body.name(), body.hotlines()));
        return Response.created(URI.create("/api/v1/divisions/" + d.code)).entity(DivisionView.of(d))
                .tag(new EntityTag(Integer.toString(d.version))).build();
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"text/csv", "application/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "importDivisions", summary = "Import the statistical division codes of the admin's division (admin)",
            description = "UTF-8 CSV in the shape of the National Bureau of Statistics' codes: header code,name,level,parent_code; "
                    + "levels province, city, county, subdistrict, township, zone, village. The file is the truth for the tree "
                    + "it describes: names follow it, divisions it lacks are deactivated (never deleted), hotlines stay. "
                    + "All or nothing; importing the same file again changes nothing. At most 4 MB.")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, maxLength = 4_000_000),
            examples = @ExampleObject(name = "county", value = IMPORT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What the import did", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class),
            examples = @ExampleObject(name = "county", value = IMPORT_RESULT)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "PayloadTooLarge")
    public ImportResult importDivisions(byte[] body) {
        DivisionImport.Result r = imports.importFile(body == null ? null : DivisionFile.utf8(body));
        return new ImportResult(r.added(), r.changed(), r.reactivated(), r.deactivated(), r.unchanged(), r.roots());
    }

    static final String IMPORT_EXAMPLE = """
            code,name,level,parent_code
            62,甘肃省,province,
            6205,天水市,city,62
            620503,麦积区,county,6205
            620503114,利桥镇,township,620503
            620503114200,利桥村委会,village,620503114
            """;
    static final String IMPORT_RESULT = """
            {"added":1,"changed":0,"reactivated":0,"deactivated":2,"unchanged":4,"roots":["620503"]}""";

    @Schema(name = "DivisionImportResult", description = "Counts of divisions per outcome, and the trees the file replaced")
    public record ImportResult(@Schema(minimum = "0", maximum = "1000000") int added,
            @Schema(minimum = "0", maximum = "1000000", description = "renamed, or moved to another level or parent") int changed,
            @Schema(minimum = "0", maximum = "1000000") int reactivated,
            @Schema(minimum = "0", maximum = "1000000", description = "in the tree but not in the file") int deactivated,
            @Schema(minimum = "0", maximum = "1000000") int unchanged,
            @Schema(type = SchemaType.ARRAY, implementation = DivisionCode.class, maxItems = 1000,
                    description = "the divisions whose whole tree the file described") List<String> roots) {
    }

    @Schema(name = "DivisionChange", description = "Fields to change; absent fields stay as they are")
    public record DivisionChange(@Schema(maxLength = 100) String name,
            @Schema(type = SchemaType.ARRAY, implementation = HotlineNumber.class, maxItems = 10, description = "Replaces the list") List<String> hotlines,
            Boolean active) {
    }

    @Schema(name = "NewVillage", description = "A village: its township's code plus 3 digits")
    public record NewVillage(@Schema(required = true, pattern = "^[0-9]{12}$", maxLength = 12) String code,
            @Schema(required = true, maxLength = 100) String name,
            @Schema(type = SchemaType.ARRAY, implementation = HotlineNumber.class, maxItems = 10) List<String> hotlines) {
    }
}
