package cn.scanforhelp.cases.notice;

import cn.scanforhelp.cases.audit.AuditLog;
import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.casefile.CaseQueries;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

    private final CaseQueries queries;
    private final AuditLog audit;
    private final StaffScope scope;
    private final FieldCipher cipher;

    public ObjectionsReadResource(CaseQueries queries, AuditLog audit, StaffScope scope, FieldCipher cipher) {
        this.queries = queries;
        this.audit = audit;
        this.scope = scope;
        this.cipher = cipher;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
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
        CaseFile c = queries.inScope(id);
        List<NoticeObjection> found = NoticeObjection.list("caseId = ?1 order by receivedAt, id", c.id);
        audit.record(scope, "READ_OBJECTIONS", c.id, c.divisionCode, found.size() + " objection(s)");
        return found.stream().map(o -> new ObjectionView(o.id, o.receivedAt, o.recordedAt, cipher.decrypt(o.textEnc),
                o.nameEnc != null || o.contactEnc != null, o.outcome)).toList();
    }
}
