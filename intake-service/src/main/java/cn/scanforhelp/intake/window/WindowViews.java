package cn.scanforhelp.intake.window;

import cn.scanforhelp.intake.application.ApplicationCommand;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The walk-in window's request and answer (一门受理). */
public final class WindowViews {

    private WindowViews() {
    }

    @Schema(name = "WindowApplicationRequest", description = "An application the clerk records at the township's "
            + "window, the applicant at the counter")
    public record WindowRequest(
            @Schema(required = true, description = "The same fields as the resident's form; consent is the "
                    + "applicant's, given at the counter and recorded with the clerk's name") ApplicationCommand application,
            @Schema(description = "The applicant came in person (else someone on their behalf)", example = "true")
            Boolean inPerson,
            @Schema(description = "The clerk saw the applicant's ID card", example = "true") Boolean idSeen,
            @Schema(description = "Materials received at the counter (document names, no personal values): the "
                    + "case records them and the 一次性告知 does not ask for them again", maxItems = 20,
                    example = "[\"户口簿\",\"身份证复印件\"]") List<@Size(max = 50) String> materialsReceived) {
    }

    @Schema(name = "WindowApplicationRecorded", description = "The application recorded, with what its receipt (受理回执) shows")
    public record Recorded(@Schema(format = "uuid", maxLength = 36) UUID applicationId,
            @Schema(maxLength = 11, pattern = "^[2-9A-HJKMNP-TV-Y]{11}$", example = "K7QM4HXP2RC") String trackingNumber,
            @Schema(maxLength = 13, pattern = "^[2-9A-HJKMNP-TV-Y]{4}-[2-9A-HJKMNP-TV-Y]{4}-[2-9A-HJKMNP-TV-Y]{3}$",
                    example = "K7QM-4HXP-2RC") String trackingNumberDisplay,
            @Schema(description = "When it was recorded, China time", maxLength = 35) OffsetDateTime submittedAt,
            @Schema(maxLength = 9, pattern = "^[0-9]{9}$", example = "620503114") String townshipCode,
            @Schema(maxLength = 50, example = "利桥镇") String townshipName,
            @Schema(description = "The township's hotlines (the district's if it has none)", maxItems = 10)
            List<@Size(max = 30) String> hotlines,
            @Schema(description = "The resident's status page for this tracking number (sfh.public-base-url)",
                    maxLength = 300, format = "uri", example = "https://sfh.example.cn/s?t=K7QM-4HXP-2RC") String statusUrl,
            @Schema(description = "Materials recorded as received at the counter", maxItems = 20)
            List<@Size(max = 50) String> materialsReceived,
            @Schema(nullable = true, format = "date", maxLength = 10, description = "The case's next statutory deadline "
                    + "as case-service last reported it (to accept or not, at first); null until it has reported")
            java.time.LocalDate nextDeadline,
            @Schema(description = "True when this answers a repeated submission with the same Idempotency-Key: "
                    + "nothing new was created") boolean replayed) {
    }
}
