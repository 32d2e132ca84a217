package cn.scanforhelp.intake.application;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a resident (or the form, or an operator on the resident's behalf) submits. Everything is
 * taken as given and checked by {@link ApplicationService#submit}, which reports every invalid field
 * at once; so {@code difficulty} is a string here (one of {@link Difficulty}) and nothing is
 * rejected field by field while the JSON is read.
 */
@Schema(name = "ApplicationRequest", description = "A request for help")
public record ApplicationCommand(
        @Schema(required = true, description = "Township/subdistrict, or village, inside the service area",
                example = "620503114", pattern = "^[0-9]{9}([0-9]{3})?$", maxLength = 12) String divisionCode,
        @Schema(description = "Village inside the township (optional)", example = "620503114201",
                pattern = "^[0-9]{12}$", maxLength = 12) String villageCode,
        @Schema(required = true) Applicant applicant,
        @Schema(required = true, implementation = Difficulty.class, example = "ILLNESS") String difficulty,
        @Schema(description = "What happened, in the resident's words", maxLength = 1000,
                example = "丈夫住院，医药费负担重") String description,
        @Schema(required = true, description = "Consent to the privacy notice; must be true") Boolean consent,
        @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "99", example = "3")
        Integer householdSize,
        @Schema(description = "The resident says it cannot wait", example = "false") Boolean urgent,
        @Schema(description = "The poster scanned, if any", maxLength = 32, pattern = "^[A-Za-z0-9_-]{1,32}$",
                example = "MJ114-0007") String posterCode,
        @Schema(description = "Separate consent to sensitive personal information (health, disability, income; "
                + "PIPL art. 29), recorded with the application; absent: not asked (hotline, alerts) or not given",
                example = "true") Boolean sensitiveConsent) {

    @Schema(name = "Applicant", description = "The person who needs help")
    public record Applicant(
            @Schema(required = true, maxLength = 50, example = "张小三") String name,
            @Schema(required = true, description = "18-character resident ID number (GB 11643)",
                    minLength = 18, maxLength = 18, pattern = "^[0-9]{17}[0-9Xx]$",
                    example = "620503198001011237") String idNumber,
            @Schema(required = true, description = "Mainland mobile number", minLength = 11, maxLength = 14,
                    pattern = "^(\\+?86)?1[3-9][0-9]{9}$", example = "13812345678") String phone) {
    }
}
