package cn.scanforhelp.cases.investigation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The investigation record as entered and as shown back, and its attachments. Incomes are yuan per month. */
public final class InvestigationViews {

    private InvestigationViews() {
    }

    @Schema(description = "A member of staff who took part in the visit")
    public record InvestigatorIn(
            @NotBlank @Size(max = 100) @Schema(maxLength = 100, example = "wangwu",
                    description = "the user id they sign in with (preferred_username)") String userId,
            @NotBlank @Size(max = 100) @Schema(maxLength = 100, example = "王五") String name) {
    }

    @Schema(description = "The household's income by the four classes of 家庭经济状况核对, yuan per month (net)")
    public record IncomeIn(
            @NotNull @DecimalMin("0") @DecimalMax("1000000") @Schema(minimum = "0", maximum = "1000000", example = "600",
                    description = "工资性收入, yuan per month") BigDecimal wage,
            @NotNull @DecimalMin("0") @DecimalMax("1000000") @Schema(minimum = "0", maximum = "1000000", example = "200",
                    description = "经营净收入, yuan per month") BigDecimal netBusiness,
            @NotNull @DecimalMin("0") @DecimalMax("1000000") @Schema(minimum = "0", maximum = "1000000", example = "0",
                    description = "财产净收入, yuan per month") BigDecimal netProperty,
            @NotNull @DecimalMin("0") @DecimalMax("1000000") @Schema(minimum = "0", maximum = "1000000", example = "150",
                    description = "转移净收入, yuan per month") BigDecimal netTransfer) {
    }

    @Schema(description = "An investigation record (入户调查): replaces nothing, the newest counts")
    public record RecordIn(
            @NotNull @Size(max = 10) @Schema(minItems = 2, maxItems = 10,
                    description = "at least two different people; the caller may be one") List<@Valid @NotNull InvestigatorIn> investigators,
            @NotNull @Schema(description = "the day of the home visit, not in the future") LocalDate visitDate,
            @NotNull @Schema(description = "the household members recorded for the case were found as recorded")
            Boolean householdConfirmed,
            @Size(max = 500) @Schema(maxLength = 500, example = "儿子在外务工，户籍在家") String householdNote,
            @NotNull @Valid IncomeIn monthlyIncomeYuan,
            @Size(max = 1000) @Schema(maxLength = 1000, example = "住房一处（自建砖木），无车辆，存款约3000元") String assets,
            @NotBlank @Size(max = 4000) @Schema(maxLength = 4000, example = "户主患慢性肾病，每周透析两次，无劳动能力") String findings) {
    }

    @Schema(description = "An investigator as recorded")
    public record InvestigatorOut(@Schema(maxLength = 100) String userId, @Schema(maxLength = 100) String name) {
    }

    @Schema(description = "The household's monthly income by class, yuan")
    public record Income(BigDecimal wage, BigDecimal netBusiness, BigDecimal netProperty, BigDecimal netTransfer,
            BigDecimal total) {
    }

    @Schema(description = "An attachment of the investigation, without its content")
    public record Attachment(UUID id, @Schema(maxLength = 40, enumeration = {"image/jpeg", "image/png",
            "application/pdf"}) String mediaType, @Schema(format = "int32", minimum = "1", maximum = "104857600") int sizeBytes,
            @Schema(maxLength = 200, nullable = true) String fileName, @Schema(maxLength = 100) String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    @Schema(description = "The newest investigation record of a case, with the case's attachments")
    public record Record(@Schema(format = "int64", minimum = "1", maximum = "9223372036854775807") long id, @Schema(maxItems = 10) List<InvestigatorOut> investigators,
            LocalDate visitDate, boolean householdConfirmed,
            @Schema(format = "int32", minimum = "0", maximum = "30", description = "household members recorded when the record was made")
            int householdMembers, @Schema(maxLength = 500, nullable = true) String householdNote,
            @Schema(description = "yuan per month") Income monthlyIncomeYuan,
            @Schema(maxLength = 1000, nullable = true) String assets, @Schema(maxLength = 4000) String findings,
            @Schema(maxLength = 100) String recordedBy, OffsetDateTime recordedAt,
            @Schema(format = "int32", minimum = "1", maximum = "1000", description = "records made for the case so far") int records,
            @Schema(maxItems = 100) List<Attachment> attachments) {
    }
}
