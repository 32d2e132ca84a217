package cn.scanforhelp.console.sampling;

import cn.scanforhelp.console.cases.ProcedureDoc;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the sampling pages show: the service's answers with type and decision in words, times in Asia/Shanghai. */
public final class SamplingView {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SamplingView() {
    }

    public record Option(String value, String label) {
    }

    public record Error(String fieldId, String message) {
    }

    /** The list page: the draw form (values, errors), the samplings, the statistics. */
    public record ListPage(List<Option> townships, Map<String, String> values, Map<String, String> errors,
            List<Summary> samplings, List<Stat> stats) {
        public String v(String name) {
            return values.getOrDefault(name, "");
        }

        public String e(String name) {
            return errors.get(name);
        }

        public List<Error> errorList() {
            return errors.entrySet().stream().map(x -> new Error(x.getKey(), x.getValue())).toList();
        }
    }

    public record Summary(String id, String township, String from, String to, String drawnBy, String drawnAt,
            int sampled, int checked, int problems) {
    }

    public record Stat(String township, String type, long sampled, long checked, long problems) {
    }

    public record Stratum(String type, int population, String share, int drawn) {
    }

    /** A drawn case, with the form's typed values and error when its check was refused. */
    public record Case(String id, String trackingNumber, String type, String decision, String decidedOn,
            String applicantName, String villageName, String outcomeCode, String note, String checked,
            String typedOutcome, String typedNote, String error) {
    }

    /** The sampling's page. {@code notice} is the line after a draw or a check; {@code errors} field id → message. */
    public record Page(String id, String township, String from, String to, String drawnBy, String drawnAt,
            List<Stratum> strata, List<Case> cases, String notice, Map<String, String> errors) {
        public List<Error> errorList() {
            return errors.entrySet().stream().map(x -> new Error(x.getKey(), x.getValue())).toList();
        }
    }

    static String when(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(ZONE).format(WHEN);
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    static String type(ProcedureDoc doc, String type, Locale locale) {
        ProcedureDoc.Labels l = type == null ? null : doc.types().get(type);
        return l == null ? String.valueOf(type) : l.in(locale);
    }

    static String state(ProcedureDoc doc, String state, Locale locale) {
        ProcedureDoc.Labels l = state == null ? null : doc.states().get(state);
        return l == null ? String.valueOf(state) : l.in(locale);
    }

    static String share(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }
}
