package cn.scanforhelp.intake.form;

import cn.scanforhelp.intake.application.Difficulty;
import cn.scanforhelp.intake.application.IdNumbers;
import cn.scanforhelp.intake.application.PhoneNumbers;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the resident typed, as submitted by the plain HTML form (or by the script, same fields),
 * and its checks. Errors are keyed by field name, in the order the fields appear on the page.
 */
public record ApplicationForm(String name, String idNumber, String phone, String villageCode, String difficulty,
        String householdSize, String description, boolean urgent, boolean consent, String idempotencyKey,
        boolean sensitiveConsent) {

    /** Difficulties that are themselves sensitive information (health, disability): only with the separate consent. */
    public static final java.util.Set<String> SENSITIVE = java.util.Set.of("ILLNESS", "DISABILITY");

    /** intake's difficulties, the commonest first (the order residents read them in). */
    public static final List<String> DIFFICULTIES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("UNEMPLOYMENT", "ILLNESS", "DISABILITY", "ELDERLY_ALONE", "DISASTER"),
            java.util.Arrays.stream(Difficulty.values()).map(Enum::name))
            .filter(d -> java.util.Arrays.stream(Difficulty.values()).anyMatch(x -> x.name().equals(d)))
            .distinct().toList();
    public static final int MAX_NAME = 50;
    public static final int MAX_DESCRIPTION = 500;

    public static ApplicationForm of(Map<String, List<String>> f) {
        return new ApplicationForm(one(f, "name").strip(), IdNumbers.normalize(one(f, "idNumber").strip()),
                one(f, "phone").replaceAll("[\\s-]", ""), one(f, "villageCode").strip(), one(f, "difficulty").strip(),
                one(f, "householdSize").strip(), one(f, "description").strip(), !one(f, "urgent").isEmpty(),
                !one(f, "consent").isEmpty(), one(f, "idempotencyKey").strip(), !one(f, "sensitiveConsent").isEmpty());
    }

    private static String one(Map<String, List<String>> f, String key) {
        List<String> v = f.get(key);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }

    /** The values to show again in the form after an error (never logged). */
    public Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("idNumber", idNumber);
        v.put("phone", phone);
        v.put("villageCode", villageCode);
        v.put("difficulty", difficulty);
        v.put("householdSize", householdSize);
        v.put("description", description);
        v.put("urgent", urgent ? "on" : "");
        v.put("consent", consent ? "on" : "");
        v.put("sensitiveConsent", sensitiveConsent ? "on" : "");
        return v;
    }

    public Map<String, String> validate(FormTexts t, Set<String> villages, LocalDate today) {
        Map<String, String> e = new LinkedHashMap<>();
        if (name.isEmpty()) {
            e.put("name", t.fmt("e_required", t.label("name")));
        } else if (name.length() > MAX_NAME) {
            e.put("name", t.fmt2("e_too_long", t.get("name"), MAX_NAME));
        }
        if (idNumber.isEmpty()) {
            e.put("idNumber", t.fmt("e_required", t.label("id")));
        } else {
            IdNumbers.Problem p = IdNumbers.check(idNumber, today);
            if (p != null) {
                e.put("idNumber", t.get(switch (p) {
                    case LEGACY_15, FORMAT -> "e_id_format";
                    case CHECK_DIGIT -> "e_id_check";
                    case BIRTH_DATE -> "e_id_birth";
                }));
            }
        }
        if (phone.isEmpty()) {
            e.put("phone", t.fmt("e_required", t.label("phone")));
        } else if (PhoneNumbers.normalize(phone) == null) {
            e.put("phone", t.get("e_phone"));
        }
        if (!villageCode.isEmpty() && !villages.contains(villageCode)) {
            e.put("villageCode", t.get("e_village"));
        }
        if (!DIFFICULTIES.contains(difficulty)) {
            e.put("difficulty", t.fmt("e_choose", t.label("difficulty")));
        }
        if (household() == null) {
            e.put("householdSize", t.get("e_household"));
        }
        if (description.length() > MAX_DESCRIPTION) {
            e.put("description", t.fmt2("e_too_long", t.get("description").replaceAll("[（(].*", ""), MAX_DESCRIPTION));
        }
        if (!consent) {
            e.put("consent", t.get("e_consent"));
        }
        if (!sensitiveConsent && SENSITIVE.contains(difficulty)) {
            e.put("sensitiveConsent", t.get("e_sensitive_consent"));
        }
        return e;
    }

    public Integer household() {
        if (!householdSize.matches("^[0-9]{1,2}$")) {
            return null;
        }
        int n = Integer.parseInt(householdSize);
        return n >= 1 && n <= 20 ? n : null;
    }
}
