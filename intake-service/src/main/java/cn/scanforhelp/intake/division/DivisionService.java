package cn.scanforhelp.intake.division;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.intake.application.IntakeConfig;
import cn.scanforhelp.intake.application.TextChecks;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The township directory: reading it (public) and keeping hotlines and villages current (admin). */
@ApplicationScoped
public class DivisionService {

    private final IntakeConfig config;
    private final EntityManagerFactory emf;
    private final java.time.Clock clock;

    public DivisionService(IntakeConfig config, EntityManagerFactory emf, java.time.Clock clock) {
        this.clock = clock;
        this.config = config;
        this.emf = emf;
    }

    /**
     * Divisions sit in Hibernate's second-level cache, whose only expiry is idleness: a township read
     * by every submission would never expire, and a hotline changed through another replica would never
     * show here. Emptying the region every minute bounds that (about 20 reads a minute to refill it).
     */
    @Scheduled(every = "${sfh.divisions.cache-refresh:1m}", delayed = "1m")
    void refreshCache() {
        emf.getCache().evict(Division.class);
    }

    /** The levels a division can have (the {@code level} column). */
    public static final List<String> LEVELS = List.of("province", "city", "county", "subdistrict", "township", "zone",
            "village");

    /** Children of {@code parent}, or the service area's own divisions when no parent is given. */
    @Transactional
    public List<DivisionView> children(String parent) {
        return children(parent, null);
    }

    /** The same, only those of {@code level} when given (one of {@link #LEVELS}, else 400). */
    @Transactional
    public List<DivisionView> children(String parent, String level) {
        if (level != null && !LEVELS.contains(level)) {
            throw ProblemException.validation(List.of(FieldError.of("level", "enum", String.join(", ", LEVELS))));
        }
        return childrenOf(parent).stream().filter(d -> level == null || level.equals(d.level())).toList();
    }

    private List<DivisionView> childrenOf(String parent) {
        if (parent == null || parent.isBlank()) {
            return Division.<Division>list("code in ?1 order by code", config.serviceArea()).stream()
                    .map(DivisionView::of).toList();
        }
        if (!parent.matches("[0-9]{2,12}")) {
            throw ProblemException.validation(List.of(FieldError.of("parent", "division.format")));
        }
        if (Division.findById(parent) == null) {
            throw ProblemException.notFound("division");
        }
        return Division.<Division>list("parentCode = ?1 and active = true order by code", parent).stream()
                .map(DivisionView::of).toList();
    }

    @Transactional
    public Division get(String code) {
        Division d = code != null && code.matches("[0-9]{2,12}") ? Division.findById(code) : null;
        if (d == null) {
            throw ProblemException.notFound("division");
        }
        return d;
    }

    public record Change(String name, List<String> hotlines, Boolean active) {
    }

    public record NewVillage(String code, String name, List<String> hotlines) {
    }

    /** Optimistic: {@code ifMatch} must carry the version the admin read. */
    @Transactional
    public Division update(String code, Change change, String ifMatch) {
        Division d = get(code);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required");
        }
        if (!ifMatch.replace("W/", "").replace("\"", "").trim().equals(Integer.toString(d.version))) {
            throw new ProblemException(412, "precondition-failed");
        }
        List<FieldError> errors = new ArrayList<>();
        checkName(change.name(), false, errors);
        List<String> hotlines = checkHotlines(change.hotlines(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (change.name() != null) {
            d.name = change.name().strip();
        }
        if (hotlines != null) {
            d.hotlines = hotlines.toArray(String[]::new);
        }
        if (change.active() != null) {
            d.active = change.active();
        }
        d.updatedAt = OffsetDateTime.now(clock);
        d.persistAndFlush();
        return d;
    }

    /** A village (12 digits) under a township of the service area. */
    @Transactional
    public Division addVillage(NewVillage v) {
        List<FieldError> errors = new ArrayList<>();
        Division township = null;
        if (v.code() == null || !v.code().matches("[0-9]{12}")) {
            errors.add(FieldError.of("code", "division.format"));
        } else if (!config.inServiceArea(v.code())) {
            errors.add(FieldError.of("code", "division.outside-service-area"));
        } else {
            township = Division.findById(v.code().substring(0, 9));
            if (township == null || !township.isTownship()) {
                errors.add(FieldError.of("code", "division.not-township"));
            }
        }
        checkName(v.name(), true, errors);
        List<String> hotlines = checkHotlines(v.hotlines(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (Division.findById(v.code()) != null) {
            throw ProblemException.conflict("division-exists", java.util.Map.of());
        }
        Division d = new Division();
        d.code = v.code();
        d.name = v.name().strip();
        d.level = "village";
        d.parentCode = township.code;
        d.hotlines = hotlines == null ? new String[0] : hotlines.toArray(String[]::new);
        d.updatedAt = OffsetDateTime.now(clock);
        d.persistAndFlush();
        return d;
    }

    private static void checkName(String name, boolean required, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            if (required) {
                errors.add(FieldError.of("name", "required"));
            }
        } else if (!TextChecks.clean(name, false)) {
            errors.add(FieldError.of("name", "text.invalid-characters"));
        } else if (name.strip().length() > 100) {
            errors.add(FieldError.of("name", "text.too-long", 100));
        }
    }

    /** Landline (0938-2731234), mobile or service numbers such as 12345. */
    private static List<String> checkHotlines(List<String> hotlines, List<FieldError> errors) {
        if (hotlines == null) {
            return null;
        }
        if (hotlines.size() > 10) {
            errors.add(FieldError.of("hotlines", "range", 0, 10));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < hotlines.size(); i++) {
            String h = hotlines.get(i) == null ? "" : hotlines.get(i).strip();
            if (!h.matches("(0[0-9]{2,3}-?[0-9]{7,8}|1[3-9][0-9]{9}|[0-9]{5})")) {
                errors.add(FieldError.of("hotlines[" + i + "]", "hotline.format"));
            } else {
                out.add(h);
            }
        }
        return out;
    }
}
