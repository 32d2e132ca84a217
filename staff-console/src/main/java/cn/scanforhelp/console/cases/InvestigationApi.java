package cn.scanforhelp.console.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** case-service's investigation record (入户调查) as the console reads it; incomes in yuan per month. */
public final class InvestigationApi {

    private InvestigationApi() {
    }

    public record Investigator(String userId, String name) {
    }

    public record Income(BigDecimal wage, BigDecimal netBusiness, BigDecimal netProperty, BigDecimal netTransfer,
            BigDecimal total) {
    }

    public record Attachment(UUID id, String mediaType, int sizeBytes, String fileName, String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    public record Record(long id, List<Investigator> investigators, LocalDate visitDate, boolean householdConfirmed,
            int householdMembers, String householdNote, Income monthlyIncomeYuan, String assets, String findings,
            String recordedBy, OffsetDateTime recordedAt, int records, List<Attachment> attachments) {
    }
}
