package cn.scanforhelp.intake.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the application API answers. */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    @Schema(name = "SubmissionAccepted", description = "The application is accepted; keep the tracking number")
    public record Accepted(
            @Schema(format = "uuid", maxLength = 36) UUID applicationId,
            @Schema(example = "K7QM4HXP2RC", maxLength = 11, pattern = "^[2-9A-HJKMNP-TV-Y]{11}$") String trackingNumber,
            @Schema(description = "Grouped for reading out", example = "K7QM-4HXP-2RC", maxLength = 13)
            String trackingNumberDisplay,
            @Schema(example = "RECEIVED", maxLength = 24) String status) {
    }

    @Schema(name = "LookupRequest", description = "A resident asks where their application is")
    public record LookupRequest(
            @Schema(required = true, example = "K7QM-4HXP-2RC", maxLength = 40,
                    description = "With or without spaces or dashes, any case") String trackingNumber,
            @Schema(required = true, example = "5678", pattern = "^[0-9]{4}$", minLength = 4, maxLength = 4,
                    description = "Last 4 digits of the phone number given") String phoneLast4) {
    }

    @Schema(name = "LookupResult", description = "The resident's view of an application")
    public record LookupResult(
            @Schema(example = "K7QM-4HXP-2RC", maxLength = 13) String trackingNumber,
            @Schema(example = "RECEIVED", maxLength = 24) String status,
            @Schema(example = "已收到", maxLength = 100) String statusText,
            @Schema(example = "620503114", maxLength = 12) String townshipCode,
            @Schema(example = "利桥镇", maxLength = 100) String township,
            @Schema(type = SchemaType.ARRAY, implementation = cn.scanforhelp.intake.division.HotlineNumber.class, maxItems = 10, description = "Whom to call") List<String> hotlines,
            OffsetDateTime lastUpdate,
            @Schema(description = "The next statutory deadline, once case-service has reported it", maxLength = 10) LocalDate nextDeadline) {
    }

    @Schema(name = "ApplicationSummary", description = "An application as staff see it (personal fields masked)")
    public record Summary(
            @Schema(format = "uuid", maxLength = 36) UUID applicationId,
            @Schema(maxLength = 11) String trackingNumber,
            Channel channel,
            @Schema(maxLength = 12) String divisionCode,
            @Schema(maxLength = 12) String villageCode,
            @Schema(example = "张*三", maxLength = 50) String applicantName,
            @Schema(example = "620503********123X", maxLength = 18) String idNumber,
            @Schema(example = "138****5678", maxLength = 11) String phone,
            Difficulty difficulty,
            @Schema(maxLength = 1000) String description,
            @Schema(format = "int32", minimum = "1", maximum = "99") Integer householdSize,
            boolean urgent,
            @Schema(maxLength = 24) String caseType,
            @Schema(maxLength = 24) String status,
            OffsetDateTime submittedAt,
            OffsetDateTime statusUpdatedAt,
            LocalDate nextDeadline) {
    }
}
