package cn.scanforhelp.intake.alert;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class AlertViews {

    private AlertViews() {
    }

    @Schema(name = "AlertReason", description = "Why the other department raised the alert")
    public enum Reason {
        HIGH_MEDICAL_COST, DISABILITY, DISASTER, SCHOOL_DROPOUT, UNEMPLOYMENT, ELDERLY_ALONE, HOUSING, OTHER
    }

    @Schema(name = "Alert", description = "One monitoring alert (动态监测预警)")
    public record Row(
            @Schema(required = true, maxLength = 100, example = "医疗保障局") String source,
            @Schema(required = true, maxLength = 18, example = "620503198001011237") String idNumber,
            @Schema(required = true, maxLength = 50, example = "张小三") String name,
            @Schema(required = true, maxLength = 12, pattern = "^[0-9]{9}([0-9]{3})?$", example = "620503114")
            String divisionCode,
            @Schema(required = true, implementation = Reason.class, example = "HIGH_MEDICAL_COST") String reason,
            @Schema(required = true, maxLength = 10, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-11-01")
            String date,
            @Schema(maxLength = 20, example = "13812345678") String phone,
            @Schema(maxLength = 1000, example = "年度自付医疗费用超过 5 万元") String note) {
    }

    @Schema(name = "AlertBatch", description = "Up to 10,000 alerts")
    public record Batch(@Schema(required = true, maxItems = 10000) List<Row> alerts) {
    }

    @Schema(name = "AlertRowOutcome", description = "What became of one row")
    public record RowOutcome(
            @Schema(format = "int32", minimum = "1", maximum = "10000", description = "1 = first data row") int row,
            @Schema(maxLength = 10, enumeration = {"CREATED", "DUPLICATE", "INVALID"}) String outcome,
            @Schema(format = "uuid", maxLength = 36) UUID applicationId,
            @Schema(maxLength = 11) String trackingNumber,
            @Schema(maxItems = 20) List<FieldProblem> errors) {
    }

    @Schema(name = "AlertFieldProblem")
    public record FieldProblem(@Schema(maxLength = 50) String field, @Schema(maxLength = 100) String code,
            @Schema(maxLength = 500) String message) {
    }

    @Schema(name = "AlertBatchResult", description = "Every row's outcome")
    public record Result(@Schema(format = "int32", minimum = "0", maximum = "10000") int total,
            @Schema(format = "int32", minimum = "0", maximum = "10000") int created,
            @Schema(format = "int32", minimum = "0", maximum = "10000") int duplicate,
            @Schema(format = "int32", minimum = "0", maximum = "10000") int invalid,
            @Schema(maxItems = 10000) List<RowOutcome> rows) {
    }
}
