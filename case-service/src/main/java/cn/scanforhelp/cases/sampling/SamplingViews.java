package cn.scanforhelp.cases.sampling;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the sampling endpoints answer. Names masked (张*三); no other personal data. */
public final class SamplingViews {

    public static final int NOTE_MAX = 500;

    private SamplingViews() {
    }

    @Schema(name = "SamplingSummary", description = "A sampling and how far its check has come")
    public record Summary(UUID id, @Schema(maxLength = 12) String townshipCode,
            @Schema(maxLength = 100, nullable = true) String townshipName,
            @Schema(type = SchemaType.STRING, format = "date", maxLength = 10) LocalDate from,
            @Schema(type = SchemaType.STRING, format = "date", maxLength = 10) LocalDate to,
            @Schema(maxLength = 255) String drawnBy, OffsetDateTime drawnAt,
            @Schema(format = "int32", minimum = "0", maximum = "100000") int sampled,
            @Schema(format = "int32", minimum = "0", maximum = "100000") int checked,
            @Schema(format = "int32", minimum = "0", maximum = "100000") int problems) {
    }

    @Schema(name = "SamplingStratum", description = "One assistance type of a sampling: its decided cases in the period,"
            + " the share configured for the type, the cases drawn")
    public record Stratum(@Schema(maxLength = 16) String type,
            @Schema(format = "int32", minimum = "1", maximum = "100000") int population,
            @Schema(minimum = "0", maximum = "1") double share,
            @Schema(format = "int32", minimum = "1", maximum = "100000") int drawn) {
    }

    @Schema(name = "SampledCase", description = "A drawn case: its decision as drawn and the check's outcome")
    public record Drawn(UUID caseId, @Schema(maxLength = 16) String trackingNumber, @Schema(maxLength = 16) String type,
            @Schema(enumeration = {"APPROVED", "REJECTED"}) String decision,
            @Schema(type = SchemaType.STRING, format = "date", maxLength = 10) LocalDate decidedOn,
            @Schema(maxLength = 100, example = "张*三") String applicantName,
            @Schema(maxLength = 100, nullable = true) String villageName,
            @Schema(enumeration = {"CONFIRMED", "PROBLEM_FOUND"}, nullable = true) String outcome,
            @Schema(maxLength = NOTE_MAX, nullable = true) String note,
            @Schema(maxLength = 255, nullable = true) String checkedBy,
            @Schema(nullable = true, type = SchemaType.STRING, format = "date-time", maxLength = 40)
            OffsetDateTime checkedAt) {
    }

    @Schema(name = "SamplingDetails", description = "A sampling with its types and its drawn cases")
    public record Details(UUID id, @Schema(maxLength = 12) String townshipCode,
            @Schema(maxLength = 100, nullable = true) String townshipName,
            @Schema(type = SchemaType.STRING, format = "date", maxLength = 10) LocalDate from,
            @Schema(type = SchemaType.STRING, format = "date", maxLength = 10) LocalDate to,
            @Schema(format = "int64", minimum = "-9223372036854775808", maximum = "9223372036854775807",
                    description = "the seed of the draw: the same decided cases and seed draw the same sample") long seed,
            @Schema(maxLength = 255) String drawnBy, OffsetDateTime drawnAt,
            @Schema(maxItems = 20) List<Stratum> strata,
            @Schema(maxItems = 100000) List<Drawn> cases) {
    }

    @Schema(name = "SamplingStatisticsRow", description = "Per township and type: cases drawn, checked, problems found")
    public record StatsRow(@Schema(maxLength = 12) String divisionCode,
            @Schema(maxLength = 100, nullable = true) String townshipName, @Schema(maxLength = 16) String type,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long sampled,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long checked,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long problems) {
    }
}
