package cn.scanforhelp.cases.intake;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to intake: the case, and the case it was linked to when the person already had one open. */
@Schema(description = "Where the application went")
public record Received(UUID caseId,
        @Schema(nullable = true, maxLength = 36, description = "the open case it was linked to (a duplicate)") UUID linkedToCaseId) {
}
