package cn.scanforhelp.console.desk;

import java.util.List;

/** Everything the desk page shows; the lists come from intake and case-service as they answered. */
public record DeskPage(DeskForm form, List<IntakeApi.Division> townships, List<IntakeApi.Answer> answers,
        IntakeApi.History history, List<IntakeApi.OpenCase> duplicates, List<FieldError> errors,
        List<IntakeApi.Call> today, List<IntakeApi.Call> followUps, String notice, List<String> outcomes,
        List<String> difficulties) {

    static final List<String> OUTCOMES = List.of("QUESTION", "APPLICATION", "STATUS", "COMPLAINT", "OTHER_DEPARTMENT");
    static final List<String> DIFFICULTIES = List.of("ILLNESS", "DISABILITY", "DISASTER", "SCHOOLING", "UNEMPLOYMENT",
            "ELDERLY_ALONE", "HOUSING", "OTHER");

    /** A field's error: the input it belongs to (for the summary's link) and intake's message. */
    public record FieldError(String fieldId, String field, String message) {
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String error(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }

    public boolean hasDuplicates() {
        return duplicates != null && !duplicates.isEmpty();
    }

    /** The form's input id for one of intake's field names. */
    static String inputId(String field) {
        return switch (field) {
            case "callerPhone" -> "f-callerPhone";
            case "divisionCode", "application.divisionCode" -> "f-division";
            case "outcome" -> "f-outcome-QUESTION";
            case "cannedAnswerId" -> "f-answer";
            case "notes" -> "f-notes";
            case "application.applicant.name" -> "f-name";
            case "application.applicant.idNumber" -> "f-idNumber";
            case "application.applicant.phone" -> "f-smsPhone";
            case "application.difficulty" -> "f-difficulty";
            case "application.description" -> "f-description";
            case "application.consent" -> "f-consent";
            case "application.sensitiveConsent" -> "f-sensitiveConsent";
            default -> "f-callerPhone";
        };
    }

    /** The short name the template asks {@link #error} with. */
    static String shortName(String field) {
        String id = inputId(field);
        return id.startsWith("f-outcome") ? "outcome" : id.substring(2);
    }
}
