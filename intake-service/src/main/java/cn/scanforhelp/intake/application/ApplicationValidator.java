package cn.scanforhelp.intake.application;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.intake.division.Division;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Checks a command completely and reports every invalid field at once (never the values). */
@ApplicationScoped
public class ApplicationValidator {

    public static final int NAME_MAX = 50;
    public static final int DESCRIPTION_MAX = 1000;

    private final IntakeConfig config;
    private final java.time.Clock clock;

    public ApplicationValidator(IntakeConfig config, java.time.Clock clock) {
        this.clock = clock;
        this.config = config;
    }

    /** The command's values, normalized, with the township (and village) it names. */
    public record Valid(Division township, Division village, String name, String idNumber, String phone,
            Difficulty difficulty, String description, Integer householdSize, boolean urgent, String posterCode) {
    }

    public Valid validate(ApplicationCommand c, Origin origin) {
        List<FieldError> errors = new ArrayList<>();
        Division[] place = division(c.divisionCode(), c.villageCode(), "divisionCode", "villageCode", errors);
        ApplicationCommand.Applicant a = c.applicant();
        String name = a == null ? null : a.name();
        name = name == null ? null : name.strip();
        if (name == null || name.isEmpty()) {
            errors.add(FieldError.of("applicant.name", "required"));
        } else if (!TextChecks.clean(name, false)) {
            errors.add(FieldError.of("applicant.name", "text.invalid-characters"));
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            errors.add(FieldError.of("applicant.name", "text.too-long", NAME_MAX));
        }
        String id = idNumber(a == null ? null : a.idNumber(), "applicant.idNumber", errors);
        String phone = null;
        String rawPhone = a == null ? null : a.phone();
        if (rawPhone == null || rawPhone.isBlank()) {
            if (origin.channel() != Channel.MONITORING && !origin.channel().staffRecorded()) {
                errors.add(FieldError.of("applicant.phone", "required"));
            }
        } else {
            phone = PhoneNumbers.normalize(rawPhone.length() > 20 ? "" : rawPhone);
            if (phone == null) {
                errors.add(FieldError.of("applicant.phone", "phone.format"));
            }
        }
        Difficulty difficulty = null;
        if (c.difficulty() == null || c.difficulty().isBlank()) {
            errors.add(FieldError.of("difficulty", "required"));
        } else {
            try {
                difficulty = Difficulty.valueOf(c.difficulty());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("difficulty", "enum", Arrays.stream(Difficulty.values())
                        .map(Enum::name).collect(Collectors.joining(", "))));
            }
        }
        String description = c.description() == null ? null : c.description().strip();
        if (description != null && !TextChecks.clean(description, true)) {
            errors.add(FieldError.of("description", "text.invalid-characters"));
        } else if (description != null && description.codePointCount(0, description.length()) > DESCRIPTION_MAX) {
            errors.add(FieldError.of("description", "text.too-long", DESCRIPTION_MAX));
        }
        if (origin.channel() != Channel.MONITORING && !Boolean.TRUE.equals(c.consent())) {
            errors.add(FieldError.of("consent", "consent.required"));
        }
        if (c.householdSize() != null && (c.householdSize() < 1 || c.householdSize() > 99)) {
            errors.add(FieldError.of("householdSize", "range", 1, 99));
        }
        if (c.posterCode() != null && !c.posterCode().matches("[A-Za-z0-9_-]{1,32}")) {
            errors.add(FieldError.of("posterCode", "poster-code.format"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Valid(place[0], place[1], name, id, phone, difficulty,
                description == null || description.isEmpty() ? null : description, c.householdSize(),
                Boolean.TRUE.equals(c.urgent()), c.posterCode());
    }

    /** A normalized, valid ID number, or null with an error added. */
    public String idNumber(String raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(FieldError.of(field, "required"));
            return null;
        }
        String id = IdNumbers.normalize(raw.length() > 40 ? "x" : raw);
        IdNumbers.Problem p = IdNumbers.check(id, LocalDate.now(clock));
        if (p != null) {
            errors.add(FieldError.of(field, p.code));
            return null;
        }
        return id;
    }

    /**
     * [township, village or null]: a township/subdistrict code, or a village code (its parent is the
     * township), inside the service area; an optional village code must lie in that township.
     */
    public Division[] division(String code, String villageCode, String field, String villageField,
            List<FieldError> errors) {
        Division[] out = new Division[2];
        if (code == null || code.isBlank()) {
            errors.add(FieldError.of(field, "required"));
            return out;
        }
        if (!code.matches("[0-9]{2,12}")) {
            errors.add(FieldError.of(field, "division.format"));
            return out;
        }
        if (!config.inServiceArea(code)) {
            errors.add(FieldError.of(field, "division.outside-service-area"));
            return out;
        }
        Division d = Division.findById(code);
        if (d == null || !d.active) {
            errors.add(FieldError.of(field, "division.unknown"));
            return out;
        }
        if (d.isVillage()) {
            out[1] = d;
            d = Division.findById(d.parentCode);
        }
        if (d == null || !d.isTownship()) {
            errors.add(FieldError.of(field, "division.not-township"));
            return out;
        }
        out[0] = d;
        if (villageCode != null && !villageCode.isBlank()) {
            Division v = villageCode.matches("[0-9]{12}") ? Division.findById(villageCode) : null;
            if (v == null || !v.active || !v.isVillage() || !d.code.equals(v.parentCode)
                    || out[1] != null && !out[1].code.equals(v.code)) {
                errors.add(FieldError.of(villageField, "village.not-in-township"));
            } else {
                out[1] = v;
            }
        }
        return out;
    }
}
