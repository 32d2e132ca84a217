package cn.scanforhelp.intake.personal;

import cn.scanforhelp.infra.retention.RetentionRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What intake keeps of residents, and for how long. Its copy of an application serves the resident's look-up and
 * the hotline's history; case-service keeps the file of record. So once an application's status has not changed for
 * {@code sfh.retention.applications} (5 years) — its case decided, withdrawn, referred or closed that long ago, or
 * never taken further (not pursued) — the name, ID number, phone and description are erased and the tracking
 * number, status and dates stay. A hotline call loses the caller's number and the
 * notes after {@code sfh.retention.hotline-calls} (3 years). Idempotency records, which only make retries safe,
 * go after {@code sfh.retention.idempotency} (7 days).
 */
@ApplicationScoped
public class IntakeRetention implements RetentionRules {

    private final Duration applications;
    private final Duration calls;
    private final Duration idempotency;

    public IntakeRetention(@ConfigProperty(name = "sfh.retention.applications", defaultValue = "P1826D") Duration applications,
            @ConfigProperty(name = "sfh.retention.hotline-calls", defaultValue = "P1095D") Duration calls,
            @ConfigProperty(name = "sfh.retention.idempotency", defaultValue = "P7D") Duration idempotency) {
        this.applications = applications;
        this.calls = calls;
        this.idempotency = idempotency;
    }

    /** How long an application's personal values are kept after its case's last status (the privacy notice says it). */
    public Duration applications() {
        return applications;
    }

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.anonymise("application", applications, "application", "id", "status_updated_at",
                        "(id_number is not null or applicant_name is not null or phone is not null"
                                + " or description is not null or description_enc is not null)",
                        "applicant_name = null, id_number = null, id_number_hash = null, phone = null, phone_hash = null,"
                                + " description = null, description_enc = null"),
                Rule.anonymise("hotline-call", calls, "hotline_call", "id", "started_at",
                        "caller_phone is not null or notes is not null or notes_enc is not null or follow_up_result_enc is not null",
                        "caller_phone = null, caller_phone_hash = null, notes = null, notes_enc = null,"
                                + " follow_up_result_enc = null"),
                Rule.delete("idempotency", idempotency, "idempotency_record", "channel, idempotency_key", "created_at",
                        "true"));
    }
}
