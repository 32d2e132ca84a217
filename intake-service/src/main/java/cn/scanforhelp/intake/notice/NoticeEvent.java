package cn.scanforhelp.intake.notice;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** case-service's notice event (docs/contracts.md): PUBLISHED with the notice's fields, or WITHDRAWN. */
@Schema(name = "NoticeEvent", description = "A public notice (公示) published or withdrawn by case-service")
public record NoticeEvent(
        @Schema(format = "uuid", maxLength = 36) UUID eventId,
        @Schema(format = "uuid", maxLength = 36) UUID noticeId,
        @Schema(enumeration = {"PUBLISHED", "WITHDRAWN"}, maxLength = 10) String event,
        @Schema(maxLength = 12, pattern = "^[0-9]{9}$", example = "620503114") String townshipCode,
        @Schema(maxLength = 100, example = "利桥镇") String townshipName,
        @Schema(maxLength = 12, pattern = "^[0-9]{12}$", example = "620503114201") String villageCode,
        @Schema(maxLength = 100, example = "花园村") String villageName,
        @Schema(maxLength = 20, example = "张*") String maskedName,
        @Schema(format = "int32", minimum = "1", maximum = "30") Integer householdSize,
        @Schema(maxLength = 20, example = "DIBAO") String assistanceType,
        @Schema(example = "860.00") BigDecimal amountYuan,
        OffsetDateTime publishedAt,
        OffsetDateTime endsAt,
        OffsetDateTime withdrawnAt) {
}
