package cn.scanforhelp.intake.poster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The poster API's bodies. */
public final class PosterView {

    private PosterView() {
    }

    @Schema(name = "PosterRequest", description = "A poster to create for a township or village")
    public record Create(
            @NotBlank @Pattern(regexp = "^[0-9]{9,12}$")
            @Schema(example = "620503114", pattern = "^[0-9]{9,12}$", maxLength = 12,
                    description = "the township's or village's statistical division code") String divisionCode,
            @NotBlank @Size(max = 100)
            @Schema(example = "利桥镇政府便民服务大厅门口", maxLength = 100,
                    description = "where the poster hangs") String label) {
    }

    @Schema(name = "PosterBatchRequest", description = "Posters for every village (or township) under a division")
    public record Batch(
            @NotBlank @Pattern(regexp = "^[0-9]{6,12}$")
            @Schema(example = "620503", pattern = "^[0-9]{6,12}$", maxLength = 12,
                    description = "a county or township") String divisionCode,
            @NotNull @Schema(example = "VILLAGE", enumeration = {"VILLAGE", "TOWNSHIP"}) Level level,
            @NotBlank @Size(max = 100)
            @Schema(example = "村委会公告栏", maxLength = 100, description = "where the posters hang") String label) {
    }

    public enum Level { VILLAGE, TOWNSHIP }

    @Schema(name = "Poster", description = "A printed QR poster")
    public record Item(
            @Schema(example = "K7QM4H", maxLength = 12, pattern = "^[0-9A-Z]{6,12}$") String code,
            @Schema(example = "620503114", maxLength = 12) String divisionCode,
            @Schema(example = "利桥镇", maxLength = 100) String divisionName,
            @Schema(example = "利桥镇政府便民服务大厅门口", maxLength = 100) String label,
            @Schema(example = "http://localhost:8081/h/K7QM4H", maxLength = 300,
                    description = "what the QR code encodes") String url,
            boolean active,
            @Schema(example = "officer", maxLength = 255) String createdBy,
            @Schema(implementation = String.class, format = "date-time", maxLength = 35, example = "2026-11-29T09:00:00+08:00") OffsetDateTime createdAt,
            @Schema(implementation = String.class, format = "date-time", maxLength = 35, nullable = true) OffsetDateTime withdrawnAt,
            @Schema(format = "int64", minimum = "0", maximum = "9223372036854775807",
                    description = "scans counted so far") long scans,
            @Schema(format = "int64", minimum = "0", maximum = "9223372036854775807",
                    description = "applications sent from the poster's form so far") long applications) {
    }

    @Schema(name = "PosterList", description = "A page of posters")
    public record Page(@Schema(maxItems = 500) List<Item> items,
            @Schema(format = "int32", minimum = "0", maximum = "100000") int offset,
            @Schema(format = "int32", minimum = "1", maximum = "500") int limit) {
    }

    @Schema(name = "PosterDayStatistics", description = "Scans and applications of one poster on one day")
    public record Day(
            @Schema(example = "K7QM4H", maxLength = 12) String posterCode,
            @Schema(example = "620503114", maxLength = 12) String divisionCode,
            @Schema(example = "利桥镇", maxLength = 100) String divisionName,
            @Schema(example = "利桥镇政府便民服务大厅门口", maxLength = 100) String label,
            @Schema(description = "false once the poster is withdrawn") boolean active,
            @Schema(implementation = String.class, format = "date", maxLength = 10, example = "2026-11-29") LocalDate day,
            @Schema(format = "int64", minimum = "0", maximum = "9223372036854775807") long scans,
            @Schema(format = "int64", minimum = "0", maximum = "9223372036854775807") long applications) {
    }

    @Schema(name = "PosterStatistics", description = "Per poster per day, newest day first")
    public record Stats(@Schema(implementation = String.class, format = "date", maxLength = 10, example = "2026-10-31") LocalDate from,
            @Schema(implementation = String.class, format = "date", maxLength = 10, example = "2026-11-29") LocalDate to,
            @Schema(maxItems = 5000) List<Day> days) {
    }
}
