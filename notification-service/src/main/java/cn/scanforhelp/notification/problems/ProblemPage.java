package cn.scanforhelp.notification.problems;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the officer's list. */
@Schema(name = "SmsProblemPage", description = "One page of SMS that went wrong, newest first")
public record ProblemPage(
        @Schema(maxItems = 100) List<Problem> items,
        @Schema(format = "int32", minimum = "0", maximum = "100000") int page,
        @Schema(format = "int32", minimum = "1", maximum = "100") int size,
        @Schema(format = "int64", minimum = "0", maximum = "100000000") long total) {
}
