package cn.scanforhelp.notification.staff;

import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.notification.event.CaseEvent;
import cn.scanforhelp.notification.event.EventType;
import cn.scanforhelp.notification.sending.Segments;
import cn.scanforhelp.notification.template.SmsTemplates;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The SMS exactly as the resident will read it, before staff commit the step that sends it: the same
 * template and the same shortening as the message stored for the event, and the same limits (a department
 * over 20 characters, a material over 40, more than 20 materials: 400 naming the field), so the console
 * can show it beside the action form.
 */
@Path("/api/v1/notifications/preview")
@Tag(name = "Notifications", description = "The SMS sent to an applicant")
public class PreviewResource {

    private final SmsTemplates templates;

    public PreviewResource(SmsTemplates templates) {
        this.templates = templates;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOTLINE_OPERATOR, Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER, Roles.ADMIN})
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "previewNotification", summary = "The SMS of an event as the resident will read it",
            description = "Renders the text a case event of this type and these values becomes (signature, "
                    + "materials shortened to 16 characters then 等, reason categories in words) and its parts; "
                    + "nothing is stored or sent.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Preview.class), examples = @ExampleObject(name = "materials", value = """
                    {"type":"MATERIALS_REQUESTED","trackingNumber":"K7QM4HXP2R","townshipName":"利桥镇",\
                    "hotline":"0938-2731234","deadline":"2026-12-02","materials":["户口簿","医院诊断证明"]}""")))
    @APIResponse(responseCode = "200", description = "The text and its number of parts (70 characters: one; "
            + "longer: 67 per part)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Rendered.class), examples = @ExampleObject(name = "materials", value = """
                    {"text":"【麦积区民政局】您的申请（查询号K7QM4HXP2R）需一次补齐材料：户口簿、医院诊断证明。请于12月2日前交利桥镇便民服务中心。咨询0938-2731234",\
                    "parts":2}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Rendered preview(@Valid @NotNull Preview p) {
        CaseEvent e = new CaseEvent(UUID.randomUUID(), p.type(), "preview", p.trackingNumber(), "0", p.townshipName(),
                p.hotline(), "13800000000", false, null, p.deadline(), p.reasonCategory(), p.materials(), p.department(),
                p.amountYuan(), p.noticeEndsOn(), p.payment(), null, p.materialsDueOn(), null);
        String text = templates.render(e);
        return new Rendered(text, Segments.count(text));
    }

    @Schema(name = "NotificationPreview", description = "A case event's values, without the resident's phone")
    public record Preview(
            @NotNull EventType type,
            @NotBlank @Size(max = 32) @Pattern(regexp = "^[A-Z0-9]{6,32}$")
            @Schema(maxLength = 32, pattern = "^[A-Z0-9]{6,32}$", example = "K7QM4HXP2R") String trackingNumber,
            @NotBlank @Size(max = 20) @Schema(maxLength = 20, example = "利桥镇") String townshipName,
            @Size(max = 20) @Pattern(regexp = "^[0-9-]{5,20}$")
            @Schema(maxLength = 20, pattern = "^[0-9-]{5,20}$", example = "0938-2731234") String hotline,
            @Schema(format = "date", maxLength = 10, example = "2026-12-02") LocalDate deadline,
            @Size(max = 32) @Pattern(regexp = "^[A-Z_]{1,32}$")
            @Schema(maxLength = 32, pattern = "^[A-Z_]{1,32}$", example = "INCOME_ABOVE_STANDARD") String reasonCategory,
            @Size(max = 20) @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            @Schema(maxItems = 20) List<@Size(max = 40) String> materials,
            @Size(max = 20) @Schema(maxLength = 20, example = "医疗保障局") String department,
            @Min(0) @Max(1_000_000) @Schema(minimum = "0", maximum = "1000000", example = "650") BigDecimal amountYuan,
            @Schema(format = "date", maxLength = 10, example = "2026-12-09") LocalDate noticeEndsOn,
            @Pattern(regexp = "^(MONTHLY|ONE_OFF)$") @Schema(maxLength = 8, pattern = "^(MONTHLY|ONE_OFF)$",
                    example = "MONTHLY", description = "APPROVED: paid every month or once, as the event will say")
            String payment,
            @Schema(format = "date", maxLength = 10, example = "2026-12-16",
                    description = "MATERIALS_REQUESTED: the day by which to bring them") LocalDate materialsDueOn) {
    }

    @Schema(name = "RenderedNotification", description = "The SMS as the resident reads it")
    public record Rendered(@Schema(maxLength = 1000) String text,
            @Schema(minimum = "1", maximum = "10", example = "1") int parts) {
    }
}
