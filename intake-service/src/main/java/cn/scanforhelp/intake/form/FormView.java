package cn.scanforhelp.intake.form;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/** What the form template shows: the place, the values typed so far, and the errors. */
@TemplateData
public record FormView(FormTexts t, String assets, String action, String townshipName, String villageName,
        boolean posterActive, List<String> hotlines, List<Choice> villages, List<Choice> difficulties,
        Map<String, String> values, Map<String, String> errors, String idempotencyKey,
        cn.scanforhelp.intake.challenge.Challenges.Challenge challenge, String retention) {

    @TemplateData
    public record Choice(String value, String label, boolean selected) {
    }

    public String val(String field) {
        return values.getOrDefault(field, "");
    }

    public String err(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean hasErr(String field) {
        return errors.containsKey(field);
    }

    public boolean checked(String field) {
        return !val(field).isEmpty();
    }

    public List<Map.Entry<String, String>> errorList() {
        return List.copyOf(errors.entrySet());
    }

    /** The id of the input an error summary link jumps to. */
    public static String anchor(String field) {
        return switch (field) {
            case "difficulty" -> "f-difficulty-" + ApplicationForm.DIFFICULTIES.get(0);
            case "form" -> "apply";
            default -> "f-" + field;
        };
    }

    public String anchorOf(String field) {
        return anchor(field);
    }
}
