package cn.scanforhelp.intake.casehandoff;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What case-service receives for a new application ({@code POST /internal/v1/applications},
 * docs/contracts.md). ID number and phone travel in clear over the internal network (TLS in
 * production); case-service encrypts them with its own keys.
 */
public record CaseApplicationPayload(UUID eventId, UUID applicationId, String trackingNumber, String channel,
        String divisionCode, String townshipName, String villageCode, String villageName, List<String> hotlines,
        Applicant applicant, String difficulty, String description, Integer householdSize, boolean urgent,
        String caseType, Alert alert, String posterCode, String consentVersion, OffsetDateTime submittedAt,
        Counter counter) {

    public record Applicant(String name, String idNumber, String phone) {
    }

    public record Alert(String source, String reason, LocalDate date) {
    }

    /** WINDOW only: who recorded it at the counter, whether the applicant came in person and showed the ID card, the materials received. */
    public record Counter(String recordedBy, boolean inPerson, boolean idSeen, List<String> materialsReceived) {
    }
}
