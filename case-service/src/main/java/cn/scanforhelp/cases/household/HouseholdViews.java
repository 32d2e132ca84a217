package cn.scanforhelp.cases.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The household as entered by the reviewer, and as shown back (masked) with the standard as a hint. */
public final class HouseholdViews {

    private HouseholdViews() {
    }

    public enum Area { URBAN, RURAL }

    @Schema(description = "A household member as entered")
    public record MemberIn(
            @NotBlank @Size(max = 32) @Schema(maxLength = 32, example = "配偶") String relation,
            @NotBlank @Size(max = 100) @Schema(maxLength = 100, example = "李小梅") String name,
            @Pattern(regexp = "[0-9]{17}[0-9X]") @Schema(maxLength = 18, pattern = "^[0-9]{17}[0-9X]$") String idNumber,
            @Min(0) @Max(130) @Schema(format = "int32", minimum = "0", maximum = "130") Integer age,
            @Size(max = 32) @Schema(maxLength = 32, example = "二级肢体") String disability,
            @Size(max = 200) @Schema(maxLength = 200, example = "慢性肾病") String health,
            @Size(max = 200) @Schema(maxLength = 200, example = "务农") String work,
            @NotNull @DecimalMin("0") @DecimalMax("1000000")
            @Schema(minimum = "0", maximum = "1000000", example = "600") BigDecimal monthlyIncomeYuan) {
    }

    @Schema(description = "An asset of the household")
    public record AssetIn(@NotBlank @Size(max = 32) @Schema(maxLength = 32, example = "存款") String kind,
            @Size(max = 200) @Schema(maxLength = 200) String description,
            @NotNull @DecimalMin("0") @DecimalMax("100000000")
            @Schema(minimum = "0", maximum = "100000000", example = "5000") BigDecimal valueYuan) {
    }

    @Schema(description = "The household of a case: replaces what was recorded")
    public record HouseholdIn(@NotNull Area area,
            @NotNull @Size(min = 1, max = 30) @Schema(maxItems = 30) List<@Valid @NotNull MemberIn> members,
            @Size(max = 50) @Schema(maxItems = 50) List<@Valid @NotNull AssetIn> assets) {
    }

    @Schema(description = "A household member, personal data masked")
    public record Member(@Schema(maxLength = 32) String relation, @Schema(maxLength = 100) String name,
            @Schema(maxLength = 18) String idNumber,
            @Schema(format = "int32", minimum = "0", maximum = "130") Integer age,
            @Schema(maxLength = 32) String disability, @Schema(maxLength = 200) String health,
            @Schema(maxLength = 200) String work, BigDecimal monthlyIncomeYuan) {
    }

    @Schema(description = "Per-capita income set against the local dibao standard: a hint, never a decision")
    public record Hint(BigDecimal perCapitaMonthlyIncomeYuan, @Schema(nullable = true) BigDecimal standardMonthlyYuan,
            @Schema(format = "int32", minimum = "2000", maximum = "2100") int standardYear,
            @Schema(nullable = true, description = "null when no standard is configured") Boolean belowStandard,
            @Schema(maxLength = 200) String note) {
    }

    @Schema(description = "The household with the income hint")
    public record Household(@Schema(nullable = true) Area area, @Schema(maxItems = 30) List<Member> members,
            @Schema(maxItems = 50) List<AssetIn> assets, BigDecimal totalAssetsYuan, Hint hint) {
    }

    @Schema(description = "A dibao standard")
    public record Standard(@Schema(maxLength = 6, example = "620503") String countyCode, Area area,
            @Schema(format = "int32", minimum = "2000", maximum = "2100") int year,
            @NotNull @DecimalMin("1") @DecimalMax("100000") @Schema(minimum = "1", maximum = "100000") BigDecimal monthlyYuan) {
    }
}
