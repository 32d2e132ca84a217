package cn.scanforhelp.intake.window;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.StaffScope;
import cn.scanforhelp.intake.application.Application;
import cn.scanforhelp.intake.application.ApplicationQueries;
import cn.scanforhelp.intake.application.ApplicationService;
import cn.scanforhelp.intake.application.ApplicationValidator;
import cn.scanforhelp.intake.application.Channel;
import cn.scanforhelp.intake.application.Origin;
import cn.scanforhelp.intake.application.SubmissionResult;
import cn.scanforhelp.intake.application.TextChecks;
import cn.scanforhelp.intake.application.TrackingNumbers;
import cn.scanforhelp.intake.division.Division;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The township's walk-in window (一门受理): the clerk records an application with the applicant at the
 * counter. Channel WINDOW, consent recorded with the clerk's name, no per-address or per-phone limit
 * (the clerk is signed in); the clerk works only inside their township. The same Idempotency-Key
 * answers with the first application (a second press of the clerk's submit button creates nothing).
 */
@ApplicationScoped
public class WindowService {

    static final int MATERIALS_MAX = 20;
    static final int MATERIAL_LENGTH_MAX = 50;

    private final ApplicationService applications;
    private final ApplicationValidator validator;
    private final String baseUrl;

    public WindowService(ApplicationService applications, ApplicationValidator validator,
            @ConfigProperty(name = "sfh.public-base-url", defaultValue = "http://localhost:8081") String baseUrl) {
        this.applications = applications;
        this.validator = validator;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Transactional
    public WindowViews.Recorded record(WindowViews.WindowRequest r, StaffScope scope, String idempotencyKey) {
        scope.division(); // first: a clerk without a township is a 403, not a field error caught below
        List<FieldError> errors = new ArrayList<>();
        List<String> materials = materials(r.materialsReceived(), errors);
        Origin origin = Origin.window(scope.user(), new Origin.Counter(Boolean.TRUE.equals(r.inPerson()),
                Boolean.TRUE.equals(r.idSeen()), materials));
        if (r.application() == null) {
            errors.add(FieldError.of("application", "required"));
        } else {
            try {
                ApplicationValidator.Valid v = validator.validate(r.application(), origin);
                if (!scope.covers(v.township().code)) {
                    errors.add(FieldError.of("application.divisionCode", "division.out-of-scope"));
                }
            } catch (ProblemException e) {
                e.errors().forEach(f -> errors.add(new FieldError("application." + f.field(), f.code(), f.args())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        SubmissionResult result = applications.submit(r.application(), origin, idempotencyKey);
        return recorded(Application.findById(result.applicationId()), result.replayed());
    }

    /**
     * What the receipt (受理回执) of a WINDOW application shows, for a clerk of its township: no personal
     * value. 404 for an unknown number, another channel or another township (the same answer).
     */
    @Transactional
    public WindowViews.Recorded receipt(String trackingNumber, StaffScope scope) {
        String number = TrackingNumbers.normalize(trackingNumber);
        Application a = number == null ? null : Application.byTrackingNumber(number).orElse(null);
        if (a == null || a.channel != Channel.WINDOW || !scope.covers(a.divisionCode)) {
            throw new ProblemException(404, "window-application-not-found");
        }
        return recorded(a, false);
    }

    private WindowViews.Recorded recorded(Application a, boolean replayed) {
        Division t = Division.findById(a.divisionCode);
        String display = TrackingNumbers.display(a.trackingNumber);
        List<String> kept = a.counterMaterials == null || a.counterMaterials.isEmpty() ? List.of()
                : List.of(a.counterMaterials.split("\n"));
        return new WindowViews.Recorded(a.id, a.trackingNumber, display, ApplicationQueries.local(a.submittedAt),
                t.code, t.name, ApplicationQueries.hotlines(t),
                baseUrl + "/s?t=" + URLEncoder.encode(display, StandardCharsets.UTF_8), kept, a.nextDeadline, replayed);
    }

    /** The checklist's items, trimmed, blanks and repeats dropped, in their order; too many or too long is a 400. */
    private static List<String> materials(List<String> raw, List<FieldError> errors) {
        if (raw == null) {
            return List.of();
        }
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String item : raw) {
            String s = item == null ? "" : item.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!TextChecks.clean(s, false)) {
                errors.add(FieldError.of("materialsReceived", "text.invalid-characters"));
                return List.of();
            }
            if (s.codePointCount(0, s.length()) > MATERIAL_LENGTH_MAX) {
                errors.add(FieldError.of("materialsReceived", "text.too-long", MATERIAL_LENGTH_MAX));
                return List.of();
            }
            items.add(s);
        }
        if (items.size() > MATERIALS_MAX) {
            errors.add(FieldError.of("materialsReceived", "list.too-long", MATERIALS_MAX));
            return List.of();
        }
        return List.copyOf(items);
    }
}
