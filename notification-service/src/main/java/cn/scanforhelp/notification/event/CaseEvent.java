package cn.scanforhelp.notification.event;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Something the resident should hear about a case (sent by case-service)")
public record CaseEvent(
        @NotNull @Schema(description = "Idempotency key: a repeat has no second effect", format = "uuid", maxLength = 36) UUID eventId,
        @NotNull EventType type,
        @NotBlank @Size(max = 64) @Schema(maxLength = 64, example = "3f1e2d4c-0000-4000-8000-000000000001") String caseId,
        @NotBlank @Size(max = 32) @Pattern(regexp = "^[A-Z0-9]{6,32}$")
        @Schema(maxLength = 32, pattern = "^[A-Z0-9]{6,32}$", example = "K7QM4HXP2R") String trackingNumber,
        @NotBlank @Pattern(regexp = "^[0-9]{2,12}$")
        @Schema(maxLength = 12, pattern = "^[0-9]{2,12}$", example = "620503114") String divisionCode,
        @NotBlank @Size(max = 20) @Schema(maxLength = 20, example = "利桥镇") String townshipName,
        @Size(max = 20) @Pattern(regexp = "^[0-9-]{5,20}$")
        @Schema(maxLength = 20, pattern = "^[0-9-]{5,20}$", example = "0938-2731234") String hotline,
        @NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$")
        @Schema(maxLength = 11, pattern = "^1[3-9][0-9]{9}$", example = "13812345678") String phone,
        @Schema(description = "Urgent messages (emergency aid) ignore quiet hours") boolean urgent,
        OffsetDateTime occurredAt,
        @Schema(description = "Next step's deadline (Asia/Shanghai date)", format = "date", maxLength = 10, example = "2026-12-02") LocalDate deadline,
        @Size(max = 32) @Pattern(regexp = "^[A-Z_]{1,32}$")
        @Schema(maxLength = 32, pattern = "^[A-Z_]{1,32}$", example = "INCOME_ABOVE_STANDARD",
                description = "Why not accepted or rejected (see the README's reason categories)") String reasonCategory,
        @Size(max = 20) @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @Schema(maxItems = 20, description = "Every missing item, requested at once (一次性告知)")
        List<@Size(max = 40) String> materials,
        @Size(max = 20) @Schema(maxLength = 20, example = "医疗保障局") String department,
        @Min(0) @Max(1_000_000) @Schema(minimum = "0", maximum = "1000000", example = "650") BigDecimal amountYuan,
        @Schema(format = "date", maxLength = 10, example = "2026-12-09") LocalDate noticeEndsOn,
        @Pattern(regexp = "^(MONTHLY|ONE_OFF)$") @Schema(maxLength = 8, pattern = "^(MONTHLY|ONE_OFF)$", example = "MONTHLY",
                description = "APPROVED: paid every month (DIBAO, TEKUN) or once (TEMPORARY)") String payment,
        @Min(0) @Max(1_000_000) @Schema(minimum = "0", maximum = "1000000", example = "500",
                description = "APPROVED: the emergency aid granted before, apart from amountYuan") BigDecimal emergencyAidYuan,
        @Schema(format = "date", maxLength = 10, example = "2026-12-09",
                description = "MATERIALS_REQUESTED: the day by which to bring them (working days from the request)")
        LocalDate materialsDueOn,
        @Schema(description = "CLOSED: whether to ask for a 1–5 rating (not after a refusal, a withdrawal or an"
                + " alert); absent: asked, as before") Boolean ratingRequested) {

    /** An event without the fields added for amounts, dates and the rating request. */
    public CaseEvent(UUID eventId, EventType type, String caseId, String trackingNumber, String divisionCode,
            String townshipName, String hotline, String phone, boolean urgent, OffsetDateTime occurredAt,
            LocalDate deadline, String reasonCategory, List<String> materials, String department, BigDecimal amountYuan,
            LocalDate noticeEndsOn) {
        this(eventId, type, caseId, trackingNumber, divisionCode, townshipName, hotline, phone, urgent, occurredAt,
                deadline, reasonCategory, materials, department, amountYuan, noticeEndsOn, null, null, null, null);
    }

    /** Whether the SMS asks for a satisfaction rating. */
    public boolean asksRating() {
        return type == EventType.CLOSED && !Boolean.FALSE.equals(ratingRequested);
    }
}
