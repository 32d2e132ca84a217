package cn.scanforhelp.console.window;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What intake-service answers for the window (its WindowApplicationRecorded and DivisionView). */
public final class WindowApi {

    private WindowApi() {
    }

    public record Recorded(UUID applicationId, String trackingNumber, String trackingNumberDisplay,
            OffsetDateTime submittedAt, String townshipCode, String townshipName, List<String> hotlines,
            String statusUrl, List<String> materialsReceived, LocalDate nextDeadline, boolean replayed) {
    }

    public record Division(String code, String name, String level, String parentCode, List<String> hotlines,
            boolean active) {
    }
}
