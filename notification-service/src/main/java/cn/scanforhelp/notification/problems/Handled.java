package cn.scanforhelp.notification.problems;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message marked handled. */
@Schema(name = "SmsHandled", description = "An SMS an officer dealt with otherwise, e.g. by calling the resident")
public record Handled(UUID id, OffsetDateTime handledAt,
        @Schema(maxLength = 255, example = "officer") String handledBy,
        @Schema(maxLength = 200, example = "已电话告知居民") String note) {
}
