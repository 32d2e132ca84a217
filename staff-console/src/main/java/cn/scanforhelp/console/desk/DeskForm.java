package cn.scanforhelp.console.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The call as typed at the desk: the form's values, the draft intake keeps for the operator, and the call sent to
 * intake. The desk decides nothing: intake validates the call, case-service answers the duplicate check.
 */
public record DeskForm(String callerPhone, String divisionCode, String outcome, String cannedAnswerId, String notes,
        String startedAt, String idempotencyKey, String name, String idNumber, String smsPhone, String difficulty,
        String description, boolean consent, boolean sensitiveConsent, boolean duplicateAck) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new call, started now; the key makes a repeated save of this call record it once. */
    public static DeskForm fresh(Clock clock, String divisionCode) {
        return new DeskForm("", divisionCode == null ? "" : divisionCode, "", "", "",
                OffsetDateTime.now(clock).withNano(0).toString(), UUID.randomUUID().toString(), "", "", "", "", "",
                false, false, false);
    }

    public static DeskForm from(MultivaluedMap<String, String> f) {
        return new DeskForm(one(f, "callerPhone"), one(f, "divisionCode"), one(f, "outcome"), one(f, "cannedAnswerId"),
                one(f, "notes"), one(f, "startedAt"), one(f, "idempotencyKey"), one(f, "name"), one(f, "idNumber"),
                one(f, "smsPhone"), one(f, "difficulty"), one(f, "description"), !one(f, "consent").isEmpty(),
                !one(f, "sensitiveConsent").isEmpty(), !one(f, "duplicateAck").isEmpty());
    }

    /** The draft intake keeps (encrypted there); null when it cannot be read back. */
    public static DeskForm fromDraft(String payload) {
        try {
            return JSON.readValue(payload, DeskForm.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public String toDraft() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only the number typed so far: a submit of just that is a look-up (the desk without JavaScript). */
    public boolean onlyPhone() {
        return !callerPhone.isEmpty() && outcome.isEmpty() && notes.isEmpty() && name.isEmpty() && idNumber.isEmpty()
                && description.isEmpty();
    }

    public boolean application() {
        return "APPLICATION".equals(outcome);
    }

    public boolean outcomeIs(String o) {
        return o.equals(outcome);
    }

    /** The call as intake's {@code recordHotlineCall} takes it; the duration runs from the page's start to now. */
    public Map<String, Object> toCall(Clock clock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callerPhone", callerPhone);
        m.put("divisionCode", blank(divisionCode));
        m.put("outcome", blank(outcome));
        OffsetDateTime start = started(clock);
        m.put("startedAt", start.toString());
        long seconds = Duration.between(start, OffsetDateTime.now(clock)).getSeconds();
        m.put("durationSeconds", (int) Math.max(0, Math.min(86400, seconds)));
        m.put("notes", blank(notes));
        m.put("cannedAnswerId", "QUESTION".equals(outcome) ? blank(cannedAnswerId) : null);
        if (application()) {
            Map<String, Object> applicant = new LinkedHashMap<>();
            applicant.put("name", blank(name));
            applicant.put("idNumber", blank(idNumber));
            applicant.put("phone", blank(smsPhone));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("divisionCode", blank(divisionCode));
            a.put("applicant", applicant);
            a.put("difficulty", blank(difficulty));
            a.put("description", blank(description));
            a.put("consent", consent);
            a.put("sensitiveConsent", sensitiveConsent);
            m.put("application", a);
        }
        return m;
    }

    private OffsetDateTime started(Clock clock) {
        try {
            return OffsetDateTime.parse(startedAt);
        } catch (DateTimeParseException | NullPointerException e) {
            return OffsetDateTime.now(clock).withNano(0);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String one(MultivaluedMap<String, String> f, String name) {
        String v = f.getFirst(name);
        return v == null ? "" : v.strip();
    }
}
