package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.events.ResidentNotices;
import cn.scanforhelp.infra.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A step taken and undone: the step runs exactly as {@link CaseActions#act} runs it (same checks, same clocks),
 * its SMS to the resident is kept instead of sent, and the transaction is rolled back, so nothing of it stays
 * (no step, no audit entry, no outbox event). The console shows the SMS a step will send from what this returns,
 * with the deadline, amount and dates the step itself computes, not a guess of them.
 */
@ApplicationScoped
public class ActionRehearsal {

    private final CaseActions actions;
    private final TransactionManager transactions;

    public ActionRehearsal(CaseActions actions, TransactionManager transactions) {
        this.actions = actions;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Sms rehearse(UUID id, String ifMatch, ActionRequest req) {
        List<Map<String, Object>> told = new ArrayList<>();
        boolean[] stepTells = {false};
        actions.act(id, ifMatch, req, (c, event, extras) -> {
            stepTells[0] = true;
            Outbox.Event e = ResidentNotices.telling(c, event, extras);
            if (e != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> payload = (Map<String, Object>) e.payload();
                told.add(payload);
            }
        });
        try {
            transactions.setRollbackOnly();
        } catch (SystemException e) {
            throw new IllegalStateException("could not undo a rehearsed step", e);
        }
        if (!stepTells[0]) {
            return new Sms(null, NoSms.NO_EVENT);
        }
        return told.isEmpty() ? new Sms(null, NoSms.NO_PHONE) : new Sms(Text.of(told.get(0)), null);
    }

    @Schema(description = "Why a step sends no SMS")
    public enum NoSms {
        /** The procedure's row for the step tells the resident nothing. */
        NO_EVENT,
        /** The applicant left no mobile number (a landline caller, some alerts): the township calls back. */
        NO_PHONE
    }

    @Schema(name = "RehearsedSms", description = "The SMS a step would send (the body of notification-service's "
            + "previewNotification), or why it sends none")
    public record Sms(@Schema(nullable = true) Text sms, @Schema(nullable = true) NoSms noSms) {
    }

    /** The values the SMS is made of, as the step's event carries them; never the phone number. */
    @Schema(name = "RehearsedSmsValues")
    public record Text(@Schema(maxLength = 32, example = "MATERIALS_REQUESTED") String type,
            @Schema(maxLength = 32, example = "K7QM4HXP2R") String trackingNumber,
            @Schema(maxLength = 20, example = "利桥镇") String townshipName,
            @Schema(maxLength = 20, example = "0938-2731234") String hotline,
            @Schema(nullable = true, format = "date", maxLength = 10, example = "2026-12-02") LocalDate deadline,
            @Schema(nullable = true, maxLength = 32) String reasonCategory,
            @Schema(nullable = true, maxItems = 20) List<@jakarta.validation.constraints.Size(max = 40) String> materials,
            @Schema(nullable = true, maxLength = 100) String department,
            @Schema(nullable = true, minimum = "0", maximum = "1000000") BigDecimal amountYuan,
            @Schema(nullable = true, format = "date", maxLength = 10) LocalDate noticeEndsOn,
            @Schema(nullable = true, maxLength = 8, pattern = "^(MONTHLY|ONE_OFF)$") String payment,
            @Schema(nullable = true, format = "date", maxLength = 10) LocalDate materialsDueOn) {

        @SuppressWarnings("unchecked")
        static Text of(Map<String, Object> event) {
            return new Text((String) event.get("type"), (String) event.get("trackingNumber"),
                    (String) event.get("townshipName"), (String) event.get("hotline"), (LocalDate) event.get("deadline"),
                    (String) event.get("reasonCategory"), (List<String>) event.get("materials"),
                    (String) event.get("department"), (BigDecimal) event.get("amountYuan"),
                    (LocalDate) event.get("noticeEndsOn"), (String) event.get("payment"),
                    (LocalDate) event.get("materialsDueOn"));
        }
    }
}
