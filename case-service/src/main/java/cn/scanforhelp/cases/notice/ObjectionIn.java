package cn.scanforhelp.cases.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An objection as intake forwards it from the public page (docs/contracts.md). */
@Schema(name = "NoticeObjection", description = "An objection a resident filed on a public notice page")
public record ObjectionIn(
        @NotNull @Schema(format = "uuid", maxLength = 36) UUID eventId,
        @Size(max = 50) @Schema(maxLength = 50, description = "the objector's name, optional", example = "王某")
        String name,
        @Size(max = 50) @Schema(maxLength = 50, description = "how to reach the objector, optional", example = "13912345678")
        String contact,
        @NotBlank @Size(max = 1000) @Schema(maxLength = 1000, description = "the objection", example = "该户家中有经营性收入")
        String text,
        @NotNull @Schema(description = "when the resident filed it") OffsetDateTime receivedAt) {
}
