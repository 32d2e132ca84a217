package cn.scanforhelp.intake.form;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemMessages;
import cn.scanforhelp.intake.application.ApplicationCommand;
import cn.scanforhelp.intake.challenge.Challenges;
import cn.scanforhelp.intake.challenge.Challenges.Challenge;
import cn.scanforhelp.intake.division.Division;
import cn.scanforhelp.intake.form.FormView.Choice;
import cn.scanforhelp.intake.poster.PosterService.Place;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the form's views, checks what was typed and hands a valid form to intake's applications. */
@ApplicationScoped
public class FormService {

    private final FormApplications applications;
    private final String homeDivision;
    private final String assets;
    private final java.time.Clock clock;
    private final Challenges challenges;
    private final java.time.Duration retention;

    public FormService(FormApplications applications,
            @ConfigProperty(name = "sfh.home-division", defaultValue = "620503") String homeDivision,
            java.time.Clock clock, Challenges challenges, cn.scanforhelp.intake.personal.IntakeRetention retention) {
        this.retention = retention.applications();
        this.challenges = challenges;
        this.clock = clock;
        this.applications = applications;
        this.homeDivision = homeDivision;
        this.assets = assetVersion();
    }

    /** {@code challenge}: the question to show with the errors (the address is past the threshold). */
    public record Outcome(String trackingNumber, Map<String, String> errors, Challenge challenge) {
        Outcome(String trackingNumber, Map<String, String> errors) {
            this(trackingNumber, errors, null);
        }
    }

    /** The answer to the form's question, if one was shown. */
    public record Answer(String token, String answer) {
        boolean given() {
            return token != null && !token.isBlank();
        }
    }

    @TemplateData
    public record HomeView(FormTexts t, String assets, List<String> hotlines, List<Choice> townships) {
    }

    public FormView blank(FormTexts t, Place place, String posterCode, boolean active) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("villageCode", place.village() == null ? "" : place.village().code);
        return view(t, place, posterCode, active, values, Map.of(), FormResource.newKey(), null);
    }

    public FormView again(FormTexts t, Place place, String posterCode, boolean active, ApplicationForm input, String key,
            Outcome outcome) {
        return view(t, place, posterCode, active, input.values(), outcome.errors(),
                validKey(key) ? key : FormResource.newKey(), outcome.challenge());
    }

    public Outcome submit(FormTexts t, Place place, String posterCode, ApplicationForm input, String key,
            String clientAddress, Answer answer) {
        Division township = place.township();
        Set<String> villages = villagesOf(township.code).stream().map(d -> d.code)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        if (place.village() != null) {
            villages.add(place.village().code);
        }
        Map<String, String> errors = input.validate(t, villages, LocalDate.now(clock));
        if (!errors.isEmpty()) {
            // a question already shown stays on the page (a new one: the old token may be spent)
            return new Outcome(null, errors, answer.given() ? challenges.issue(t.locale()) : null);
        }
        if (challenges.required(clientAddress) && !challenges.verify(answer.token(), answer.answer())) {
            Map<String, String> refused = new LinkedHashMap<>();
            refused.put("challengeAnswer", t.get(answer.given() ? "e_challenge_wrong" : "e_challenge_required"));
            return new Outcome(null, refused, challenges.issue(t.locale()));
        }
        var command = new ApplicationCommand(township.code, input.villageCode().isEmpty() ? null : input.villageCode(),
                new ApplicationCommand.Applicant(input.name(), input.idNumber(), input.phone()), input.difficulty(),
                input.description().isEmpty() ? null : input.description(), input.consent(), input.household(),
                input.urgent(), posterCode, input.sensitiveConsent());
        String trackingNumber;
        try {
            trackingNumber = applications.submit(command, validKey(key) ? key : FormResource.newKey(), clientAddress);
        } catch (ProblemException e) {
            if (e.status() == 422) {
                // The same key with other contents: the resident changed the form after a lost answer.
                // What they send now is what they mean, so it goes in as its own application.
                trackingNumber = applications.submit(command, FormResource.newKey(), clientAddress);
            } else {
                return new Outcome(null, errorsOf(e, t));
            }
        }
        return new Outcome(trackingNumber, Map.of());
    }

    /** intake's own refusals, shown at the fields they concern. */
    static Map<String, String> errorsOf(ProblemException e, FormTexts t) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.status() == 429) {
            errors.put("form", t.get("e_rate"));
            return errors;
        }
        if (e.status() != 400) {
            throw e;
        }
        for (ProblemException.FieldError f : e.errors()) {
            String field = switch (f.field()) {
                case "applicant.name" -> "name";
                case "applicant.idNumber" -> "idNumber";
                case "applicant.phone" -> "phone";
                case "divisionCode", "villageCode" -> "villageCode";
                case "difficulty", "description", "consent", "householdSize" -> f.field();
                default -> "form";
            };
            errors.putIfAbsent(field, ProblemMessages.text(t.locale(), "field." + f.code(), f.args()));
        }
        return errors;
    }

    public HomeView home(FormTexts t) {
        Division home = Division.findById(homeDivision);
        List<Choice> townships = Division.<Division>list(
                "parentCode = ?1 and level in ('township', 'subdistrict') and active = true order by code", homeDivision)
                .stream().map(d -> new Choice(d.code, d.name, false)).toList();
        return new HomeView(t, assets, home == null || home.hotlineList().isEmpty() ? List.of("12345")
                : home.hotlineList(), townships);
    }

    public String assets() {
        return assets;
    }

    private FormView view(FormTexts t, Place place, String posterCode, boolean active, Map<String, String> values,
            Map<String, String> errors, String key, Challenge challenge) {
        String selectedVillage = values.getOrDefault("villageCode", "");
        List<Choice> villages = villagesOf(place.township().code).stream()
                .map(d -> new Choice(d.code, d.name, d.code.equals(selectedVillage))).toList();
        String difficulty = values.getOrDefault("difficulty", "");
        List<Choice> difficulties = ApplicationForm.DIFFICULTIES.stream()
                .map(d -> new Choice(d, t.get("d_" + d), d.equals(difficulty))).toList();
        String action = posterCode != null ? "/h/" + posterCode : "/t/" + place.township().code;
        List<String> hotlines = place.hotlines().isEmpty() ? List.of("12345") : place.hotlines();
        return new FormView(t, assets, action, place.township().name,
                place.village() == null ? null : place.village().name, active, hotlines, villages, difficulties,
                values, errors, key, challenge, retentionText(t, retention));
    }

    /** The retention period as the privacy notice reads it: whole years where it is some (P1826D: 5 年), else days. */
    static String retentionText(FormTexts t, java.time.Duration period) {
        long days = period.toDays();
        long years = Math.round(days / 365.25);
        return years > 0 && Math.abs(days - years * 365.25) <= 2 ? t.fmt("retention_years", years)
                : t.fmt("retention_days", days);
    }

    private static List<Division> villagesOf(String townshipCode) {
        return Division.list("parentCode = ?1 and level = 'village' and active = true order by code", townshipCode);
    }

    static boolean validKey(String key) {
        return key != null && key.matches("^[A-Za-z0-9_-]{16,100}$");
    }

    /** A short hash of the script and style sheet: their URLs change when they do, so they can be cached for a year. */
    static String assetVersion() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String name : List.of("META-INF/resources/form/app.css", "META-INF/resources/form/app.js")) {
                try (InputStream in = FormService.class.getClassLoader().getResourceAsStream(name)) {
                    if (in != null) {
                        md.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 10);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "0";
        }
    }
}
