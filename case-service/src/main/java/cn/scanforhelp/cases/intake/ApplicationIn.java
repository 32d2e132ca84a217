package cn.scanforhelp.cases.intake;

import cn.scanforhelp.cases.procedure.CaseType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as intake's relay delivers it (docs/contracts.md, "intake → case"). */
@Schema(description = "An application delivered by intake-service")
public record ApplicationIn(
        @NotNull UUID eventId,
        @NotNull UUID applicationId,
        @NotBlank @Size(max = 16) @Schema(example = "K7QM4HXP2R", maxLength = 16) String trackingNumber,
        @NotBlank @Pattern(regexp = "QR|HOTLINE|MONITORING|WINDOW") @Schema(enumeration = {"QR", "HOTLINE", "MONITORING", "WINDOW"},
                maxLength = 16) String channel,
        @NotBlank @Pattern(regexp = "[0-9]{9,12}") @Schema(example = "620503114", maxLength = 12) String divisionCode,
        @Size(max = 100) @Schema(maxLength = 100, example = "利桥镇") String townshipName,
        @Pattern(regexp = "[0-9]{12}") @Schema(maxLength = 12) String villageCode,
        @Size(max = 100) @Schema(maxLength = 100) String villageName,
        @Size(max = 30) @Schema(maxItems = 30) List<@Size(max = 40) String> hotlines,
        @NotNull @Valid Applicant applicant,
        @Size(max = 32) @Schema(maxLength = 32, example = "ILLNESS") String difficulty,
        @Size(max = 2000) @Schema(maxLength = 2000) String description,
        @Min(1) @Max(30) @Schema(format = "int32", minimum = "1", maximum = "30") Integer householdSize,
        boolean urgent,
        CaseType caseType,
        @Valid Alert alert,
        @Size(max = 64) @Schema(maxLength = 64) String posterCode,
        @Size(max = 20) @Schema(maxLength = 20) String consentVersion,
        @NotNull OffsetDateTime submittedAt,
        @Valid @Schema(nullable = true, description = "WINDOW only: what the township's counter saw") Counter counter) {

    @Schema(description = "The applicant, in clear over the internal network; encrypted at rest here")
    public record Applicant(
            @NotBlank @Size(max = 100) @Schema(maxLength = 100, example = "张小三") String name,
            @Pattern(regexp = "[0-9]{17}[0-9X]") @Schema(maxLength = 18, example = "620503198001011237") String idNumber,
            @Pattern(regexp = "1[0-9]{10}") @Schema(maxLength = 11, example = "13812345678") String phone) {
    }

    @Schema(name = "CounterIn", description = "An application recorded at the township's walk-in window (一门受理)")
    public record Counter(@Size(max = 255) @Schema(maxLength = 255, example = "chuangkou") String recordedBy,
            boolean inPerson, boolean idSeen,
            @Size(max = 20) @Schema(maxItems = 20, example = "[\"户口簿\"]") List<@NotBlank @Size(max = 50) String> materialsReceived) {
    }

    @Schema(description = "The monitoring alert that opened a verification")
    public record Alert(@Size(max = 100) @Schema(maxLength = 100) String source,
            @Size(max = 100) @Schema(maxLength = 100) String reason,
            LocalDate date) {
    }
}
