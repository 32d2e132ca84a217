package cn.scanforhelp.console.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * case-service's procedure table, fetched with the user's token and kept for a few minutes (it changes only
 * with a release of case-service, and is the same for everyone). The console has no copy of its own.
 */
@ApplicationScoped
public class ProcedureCatalog {

    static final Duration KEEP = Duration.ofMinutes(5);

    private final CaseServiceClient cases;
    private final Clock clock;
    private volatile ProcedureDoc doc;
    private volatile Instant fetched = Instant.MIN;

    public ProcedureCatalog(@RestClient CaseServiceClient cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public ProcedureDoc get() {
        Instant now = clock.instant();
        ProcedureDoc d = doc;
        if (d == null || fetched.plus(KEEP).isBefore(now)) {
            d = cases.procedure();
            doc = d;
            fetched = now;
        }
        return d;
    }

    public Optional<ProcedureDoc.ActionDoc> action(String name) {
        return get().actions().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The row that applies to a case in this state and of this type, if the table has one. */
    public Optional<ProcedureDoc.RuleDoc> rule(String action, String state, String type) {
        return action(action).flatMap(a -> a.rules().stream()
                .filter(r -> r.from().equals(state) && r.caseTypes().contains(type)).findFirst());
    }

    public List<String> stateNames() {
        return List.copyOf(get().states().keySet());
    }

    public List<String> typeNames() {
        return List.copyOf(get().types().keySet());
    }
}
