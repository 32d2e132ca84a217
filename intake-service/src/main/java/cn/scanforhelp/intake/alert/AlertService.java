package cn.scanforhelp.intake.alert;

import cn.scanforhelp.infra.audit.StaffAudit;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.problem.ProblemMessages;
import cn.scanforhelp.intake.application.ApplicationCommand;
import cn.scanforhelp.intake.application.ApplicationService;
import cn.scanforhelp.intake.application.ApplicationValidator;
import cn.scanforhelp.intake.application.Difficulty;
import cn.scanforhelp.intake.application.Origin;
import cn.scanforhelp.intake.application.SubmissionResult;
import cn.scanforhelp.intake.application.TextChecks;
import cn.scanforhelp.intake.casehandoff.StatusService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns a batch of monitoring alerts into applications (channel MONITORING, case type
 * VERIFICATION). Each row is validated on its own and an invalid row costs nothing but itself; valid
 * rows are stored in chunks. A person with an open alert (an alert application not yet closed) gets
 * no second one: rows for one person serialize on an advisory lock keyed by their ID hash.
 */
@ApplicationScoped
public class AlertService {

    public static final int MAX_ROWS = 10_000;
    static final int CHUNK = 200;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AlertService.class);
    /** Constant status names (no user input), quoted for SQL. */
    private static final String FINAL_SQL = StatusService.FINAL.stream().map(s -> "'" + s + "'")
            .collect(Collectors.joining(","));

    private final ApplicationService applications;
    private final ApplicationValidator validator;
    private final FieldCipher cipher;
    private final EntityManager em;
    private final java.time.Clock clock;
    private final StaffAudit audit;

    public AlertService(ApplicationService applications, ApplicationValidator validator, FieldCipher cipher,
            EntityManager em, java.time.Clock clock, StaffAudit audit) {
        this.audit = audit;
        this.clock = clock;
        this.applications = applications;
        this.validator = validator;
        this.cipher = cipher;
        this.em = em;
    }

    /**
     * A valid row, ready to store: its person's hash under the active hash key, and under every configured
     * one ({@code personHashes}: rows hashed before a hash key rotation are still found).
     */
    private record Ready(int index, ApplicationCommand command, Origin origin, String personHash,
            List<String> personHashes) {
    }

    /**
     * Validates every row (one read-only transaction), then stores the valid ones in chunks of
     * {@value #CHUNK} rows per transaction; should a chunk fail as a whole, its rows are stored one
     * by one so that one row's failure costs nothing but that row.
     *
     * @param covers whether the caller may raise alerts for a division code
     */
    public AlertViews.Result importBatch(List<AlertViews.Row> rows, Predicate<String> covers, Locale locale) {
        if (rows == null || rows.isEmpty()) {
            throw new ProblemException(400, "batch-empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw new ProblemException(400, "batch-too-large", MAX_ROWS);
        }
        AlertViews.RowOutcome[] out = new AlertViews.RowOutcome[rows.size()];
        List<Ready> ready = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < rows.size(); i++) {
                Object r = check(i, rows.get(i), covers, locale);
                if (r instanceof Ready ok) {
                    ready.add(ok);
                } else {
                    out[i] = (AlertViews.RowOutcome) r;
                }
            }
        });
        Set<String> seen = new HashSet<>();
        for (int from = 0; from < ready.size(); from += CHUNK) {
            List<Ready> chunk = ready.subList(from, Math.min(ready.size(), from + CHUNK));
            Set<String> seenBefore = new HashSet<>(seen);
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    // inserts go out at commit (batched); duplicates within the batch are caught by `seen`
                    em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
                    Set<String> open = lockAndFindOpen(chunk);
                    chunk.forEach(r -> out[r.index()] = store(r, seen, open));
                });
            } catch (RuntimeException e) {
                LOG.warnf("alert chunk failed as a whole (%s); storing its rows one by one", e.getClass().getSimpleName());
                seen.clear();
                seen.addAll(seenBefore);
                for (Ready r : chunk) {
                    try {
                        out[r.index()] = QuarkusTransaction.requiringNew().call(() -> store(r, seen,
                                lockAndFindOpen(List.of(r))));
                    } catch (RuntimeException one) {
                        out[r.index()] = invalid(r.index() + 1, List.of(FieldError.of("$", "alert.not-stored")), locale);
                    }
                }
            }
        }
        int created = 0;
        int duplicate = 0;
        for (AlertViews.RowOutcome o : out) {
            created += "CREATED".equals(o.outcome()) ? 1 : 0;
            duplicate += "DUPLICATE".equals(o.outcome()) ? 1 : 0;
        }
        int invalid = rows.size() - created - duplicate;
        audit.record("IMPORT_ALERTS", null, null,
                rows.size() + " rows: " + created + " created, " + duplicate + " duplicate, " + invalid + " invalid");
        return new AlertViews.Result(rows.size(), created, duplicate, invalid, List.of(out));
    }

    /** A {@link Ready} row, or the INVALID outcome naming every invalid field. */
    private Object check(int i, AlertViews.Row row, Predicate<String> covers, Locale locale) {
        int n = i + 1;
        if (row == null) {
            return invalid(n, List.of(FieldError.of("$", "required")), locale);
        }
        List<FieldError> errors = new ArrayList<>();
        text(row.source(), "source", 100, true, errors);
        AlertViews.Reason reason = null;
        try {
            reason = row.reason() == null ? null : AlertViews.Reason.valueOf(row.reason().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (reason == null) {
            errors.add(FieldError.of("reason", "enum", Arrays.stream(AlertViews.Reason.values()).map(Enum::name)
                    .collect(Collectors.joining(", "))));
        }
        LocalDate date = null;
        if (row.date() == null || row.date().isBlank()) {
            errors.add(FieldError.of("date", "required"));
        } else {
            try {
                date = LocalDate.parse(row.date().strip());
                if (date.isAfter(LocalDate.now(clock))) {
                    errors.add(FieldError.of("date", "date.future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("date", "date.format"));
            }
        }
        text(row.note(), "note", 1000, false, errors);
        ApplicationCommand command = new ApplicationCommand(strip(row.divisionCode()), null,
                new ApplicationCommand.Applicant(row.name(), row.idNumber(), blankToNull(row.phone())),
                reason == null ? Difficulty.OTHER.name() : difficulty(reason).name(), blankToNull(row.note()), null,
                null, false, null, null);
        Origin origin = Origin.monitoring(new Origin.Alert(row.source() == null ? null : row.source().strip(),
                reason == null ? null : reason.name(), date));
        ApplicationValidator.Valid valid = null;
        try {
            valid = validator.validate(command, origin);
        } catch (ProblemException e) {
            e.errors().forEach(f -> errors.add(new FieldError(rename(f.field()), f.code(), f.args())));
        }
        if (valid != null && !covers.test(valid.township().code)) {
            errors.add(FieldError.of("divisionCode", "division.out-of-scope"));
        }
        if (!errors.isEmpty()) {
            return invalid(n, errors, locale);
        }
        return new Ready(i, command, origin, cipher.hash(valid.idNumber()), cipher.hashes(valid.idNumber()));
    }

    /**
     * Locks the chunk's persons (advisory locks in a fixed order, so two batches at once cannot both
     * create an alert for one person, nor deadlock) and returns those with an open alert already.
     */
    @SuppressWarnings("unchecked")
    private Set<String> lockAndFindOpen(List<Ready> chunk) {
        String[] hashes = chunk.stream().map(Ready::personHash).distinct().sorted().toArray(String[]::new);
        em.createNativeQuery("select count(pg_advisory_xact_lock(hashtextextended(h, 0))) "
                + "from (select unnest(cast(?1 as text[])) h order by 1) x").setParameter(1, hashes).getSingleResult();
        java.util.Map<String, String> person = new java.util.HashMap<>();
        chunk.forEach(r -> r.personHashes().forEach(h -> person.put(h, r.personHash())));
        List<String> open = em.createNativeQuery("select distinct id_number_hash from application "
                        + "where channel = 'MONITORING' and id_number_hash = any(cast(?1 as text[])) "
                        + "and status not in (" + FINAL_SQL + ")")
                .setParameter(1, person.keySet().toArray(String[]::new)).getResultList();
        return open.stream().map(person::get).collect(Collectors.toSet());
    }

    /** Stores one row unless the person has an open alert (from before, or earlier in this batch). */
    private AlertViews.RowOutcome store(Ready r, Set<String> seen, Set<String> open) {
        int n = r.index() + 1;
        if (!seen.add(r.personHash()) || open.contains(r.personHash())) {
            return new AlertViews.RowOutcome(n, "DUPLICATE", null, null, null);
        }
        SubmissionResult s = applications.submit(r.command(), r.origin(), null);
        return new AlertViews.RowOutcome(n, "CREATED", s.applicationId(), s.trackingNumber(), null);
    }

    static Difficulty difficulty(AlertViews.Reason reason) {
        return switch (reason) {
            case HIGH_MEDICAL_COST -> Difficulty.ILLNESS;
            case DISABILITY -> Difficulty.DISABILITY;
            case DISASTER -> Difficulty.DISASTER;
            case SCHOOL_DROPOUT -> Difficulty.SCHOOLING;
            case UNEMPLOYMENT -> Difficulty.UNEMPLOYMENT;
            case ELDERLY_ALONE -> Difficulty.ELDERLY_ALONE;
            case HOUSING -> Difficulty.HOUSING;
            case OTHER -> Difficulty.OTHER;
        };
    }

    /** The alert's own field names, not the application's. */
    private static String rename(String field) {
        return switch (field) {
            case "applicant.name" -> "name";
            case "applicant.idNumber" -> "idNumber";
            case "applicant.phone" -> "phone";
            case "description" -> "note";
            default -> field;
        };
    }

    private static void text(String s, String field, int max, boolean required, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "required"));
            }
        } else if (!TextChecks.clean(s, !required)) {
            errors.add(FieldError.of(field, "text.invalid-characters"));
        } else if (s.strip().length() > max) {
            errors.add(FieldError.of(field, "text.too-long", max));
        }
    }

    private static AlertViews.RowOutcome invalid(int n, List<FieldError> errors, Locale locale) {
        return new AlertViews.RowOutcome(n, "INVALID", null, null, errors.stream()
                .map(f -> new AlertViews.FieldProblem(f.field(), f.code(),
                        ProblemMessages.text(locale, "field." + f.code(), f.args())))
                .toList());
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
