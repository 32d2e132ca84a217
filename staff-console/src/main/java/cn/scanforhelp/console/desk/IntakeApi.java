package cn.scanforhelp.console.desk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The parts of intake-service's answers the desk shows (personal fields arrive masked). */
public final class IntakeApi {

    private IntakeApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(List<Call> calls, List<Application> applications) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Call(UUID callId, String callerPhone, String divisionCode, String operator, OffsetDateTime startedAt,
            int durationSeconds, String notes, String outcome, UUID applicationId, String trackingNumber,
            UUID cannedAnswerId, String followUp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Application(UUID applicationId, String trackingNumber, String channel, String divisionCode,
            String applicantName, String idNumber, String phone, String difficulty, String status,
            OffsetDateTime submittedAt, LocalDate nextDeadline) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recorded(UUID callId, UUID applicationId, String trackingNumber, String trackingNumberDisplay) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(UUID id, String divisionCode, String title, String body, boolean retired) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Draft(String payload, OffsetDateTime updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Division(String code, String name, String level, List<String> hotlines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpenCase(String townshipName, String status) {
    }
}
