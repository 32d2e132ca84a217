package cn.scanforhelp.cases.investigation;

import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.investigation.InvestigationViews.Attachment;
import cn.scanforhelp.cases.investigation.InvestigationViews.RecordIn;
import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A case's investigation record (入户调查, 家庭经济状况核对) and its attachments. */
@Path("/api/v1/cases/{id}/investigation")
@Tag(name = "Investigation", description = "The home visit's record: investigators, household, incomes, assets, findings, attachments")
@SecurityRequirement(name = "oidc")
@RolesAllowed({Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
public class InvestigationResource {

    static final String EXAMPLE = """
            {"investigators":[{"userId":"liqiao","name":"李巧"},{"userId":"wangwu","name":"王五"}],
            "visitDate":"2026-11-26","householdConfirmed":true,"householdNote":"与登记一致",
            "monthlyIncomeYuan":{"wage":600,"netBusiness":0,"netProperty":0,"netTransfer":150},
            "assets":"自建砖木住房一处，无车辆，存款约3000元","findings":"户主患慢性肾病，每周透析两次，无劳动能力"}""";
    static final String RECORD_EXAMPLE = """
            {"id":12,"investigators":[{"userId":"liqiao","name":"李巧"},{"userId":"wangwu","name":"王五"}],
            "visitDate":"2026-11-26","householdConfirmed":true,"householdMembers":2,"householdNote":"与登记一致",
            "monthlyIncomeYuan":{"wage":600,"netBusiness":0,"netProperty":0,"netTransfer":150,"total":750},
            "assets":"自建砖木住房一处，无车辆，存款约3000元","findings":"户主患慢性肾病，每周透析两次，无劳动能力",
            "recordedBy":"liqiao","recordedAt":"2026-11-26T16:00:00+08:00","records":1,
            "attachments":[{"id":"3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6","mediaType":"application/pdf","sizeBytes":183422,
            "fileName":"家庭经济状况核对表.pdf","uploadedBy":"liqiao","uploadedAt":"2026-11-26T16:05:00+08:00"}]}""";
    static final String PROBLEM = "application/problem+json";

    private final InvestigationService investigations;
    private final InvestigationAttachments attachments;

    public InvestigationResource(InvestigationService investigations, InvestigationAttachments attachments) {
        this.investigations = investigations;
        this.attachments = attachments;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getInvestigation", summary = "The newest investigation record, with the attachments",
            description = "Incomes are yuan per month. Every read is audited (READ_INVESTIGATION). 404 before any record.")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvestigationViews.Record.class),
            examples = @ExampleObject(name = "record", value = RECORD_EXAMPLE)))
    @APIResponse(ref = "NotFound")
    public InvestigationViews.Record get(@PathParam("id") UUID id) {
        return investigations.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordInvestigation", summary = "Record the home visit (入户调查) of a case under investigation",
            description = "At least two different investigators (the caller may be one), a visit date not in the future, "
                    + "the household as recorded confirmed or not, the four income classes in yuan per month, assets, "
                    + "findings. A new record after an objection is added beside the earlier ones. COMPLETE_INVESTIGATION "
                    + "needs one; none of the investigators may approve or reject the case (four eyes). If-Match carries "
                    + "the case's ETag (428 without, 412 stale); 409 outside INVESTIGATION.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordIn.class),
            examples = @ExampleObject(name = "visit", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The record as stored", headers = @Header(name = "ETag",
            description = "The case's new version", schema = @Schema(type = SchemaType.STRING, maxLength = 24)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvestigationViews.Record.class),
                    examples = @ExampleObject(name = "record", value = RECORD_EXAMPLE)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "PreconditionRequired")
    public Response record(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(schema = @Schema(maxLength = 24)) String ifMatch,
            @Valid @NotNull RecordIn body) {
        CaseFile c = investigations.record(id, ifMatch, body);
        InvestigationViews.Record r = investigations.get(c.id);
        return Response.status(201).entity(r)
                .header(HttpHeaders.ETAG, "\"" + CaseFile.<CaseFile>findById(c.id).version + "\"").build();
    }

    @POST
    @Path("attachments")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addInvestigationAttachment", summary = "Attach a photo or a scanned signed form",
            description = "The file is the body: image/jpeg, image/png or application/pdf (or application/octet-stream, "
                    + "the content decides), recognised by its first bytes, which must match the declared type (415). "
                    + "At most sfh.attachments.max-size (5 MB, 413); passed through the virus scan (422 refused). "
                    + "Stored encrypted; audited. Only while the case is under investigation (409).")
    @RequestBody(content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880)),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880))})
    @APIResponse(responseCode = "201", description = "The attachment as stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Attachment.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(responseCode = "413", description = "Larger than sfh.attachments.max-size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "Not JPEG, PNG or PDF by its content, or not the declared type",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "Refused by the virus scan; nothing stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Response addAttachment(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType,
            @QueryParam("fileName") @Size(max = 200)
            @Parameter(description = "the file's name, shown to staff (stored encrypted)", schema = @Schema(maxLength = 200))
            String fileName,
            InputStream body) {
        byte[] content = attachments.read(body);
        return Response.status(201).entity(attachments.upload(id, contentType, fileName, content)).build();
    }

    @GET
    @Path("attachments/{attachmentId}")
    @Produces({"image/jpeg", "image/png", "application/pdf"})
    @Operation(operationId = "getInvestigationAttachment", summary = "An attachment's content",
            description = "Sent with its type, as a download (Content-Disposition: attachment, nosniff). Audited.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880)),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880))})
    @APIResponse(ref = "NotFound")
    public Response attachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        AttachmentStore.Stored a = attachments.download(id, attachmentId);
        String ext = switch (a.meta().mediaType()) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            default -> "pdf";
        };
        return Response.ok(a.content(), a.meta().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + attachmentId + "." + ext + "\"")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store").build();
    }
}
