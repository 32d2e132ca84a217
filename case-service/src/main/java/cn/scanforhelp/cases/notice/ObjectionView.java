package cn.scanforhelp.cases.notice;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An objection to the case's public notice as the reviewer reads it: when, the text, what it did. */
@Schema(name = "Objection", description = "An objection filed on the public notice page (公示异议)")
public record ObjectionView(UUID id,
        @Schema(description = "when the resident filed it on the public page") OffsetDateTime receivedAt,
        @Schema(description = "when case-service recorded it") OffsetDateTime recordedAt,
        @Schema(maxLength = 2000, description = "the objection as the resident wrote it (may carry personal data)")
        String text,
        @Schema(description = "whether the objector left a name or a contact (not shown here)") boolean named,
        @Schema(nullable = true, enumeration = {"REINVESTIGATION", "KEPT"}, description = "REINVESTIGATION: it sent"
                + " the case back to investigation (RECORD_OBJECTION); KEPT: the case had already left the notice,"
                + " kept with it; null: recorded before outcomes were kept") String outcome) {
}
