package cn.scanforhelp.console.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** case-service's audit trail ({@code GET /api/v1/audit}), as the console reads it. */
public final class AuditApi {

    private AuditApi() {
    }

    public record Entry(long id, OffsetDateTime at, String actor, String roles, String action, UUID caseId,
            String trackingNumber, String divisionCode, String detail) {
    }

    public record Entries(List<Entry> items, int page, int limit, boolean hasMore) {
    }
}
