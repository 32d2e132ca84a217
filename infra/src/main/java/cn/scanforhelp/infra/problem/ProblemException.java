package cn.scanforhelp.infra.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services for every refusal a caller should understand. The mapper turns it into an
 * RFC 9457 problem+json body whose {@code type} is stable ({@code urn:scan-for-help:problem:<slug>})
 * and whose title and detail come from the {@code problems} message bundle in the caller's language.
 *
 * <p>Never put personal data (names, ID numbers, phones) into {@code args} or {@code extensions}:
 * error bodies are logged by proxies and shown on screens.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final Object[] args;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, Object... args) {
        this(status, slug, List.of(), Map.of(), Map.of(), args);
    }

    public ProblemException(int status, String slug, List<FieldError> errors, Map<String, Object> extensions,
            Map<String, String> headers, Object... args) {
        super(slug, null, false, false);
        this.status = status;
        this.slug = slug;
        this.args = args;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException validation(List<FieldError> errors) {
        return new ProblemException(400, "validation-failed", errors, Map.of(), Map.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", what);
    }

    public static ProblemException conflict(String slug, Map<String, Object> extensions, Object... args) {
        return new ProblemException(409, slug, List.of(), extensions, Map.of(), args);
    }

    public ProblemException withExtensions(Map<String, Object> more) {
        var merged = new java.util.LinkedHashMap<>(extensions);
        merged.putAll(more);
        return new ProblemException(status, slug, errors, merged, headers, args);
    }

    public ProblemException withHeader(String name, String value) {
        var merged = new java.util.LinkedHashMap<>(headers);
        merged.put(name, value);
        return new ProblemException(status, slug, errors, extensions, merged, args);
    }

    public int status() { return status; }
    public String slug() { return slug; }
    public Object[] args() { return args; }
    public List<FieldError> errors() { return errors; }
    public Map<String, Object> extensions() { return extensions; }
    public Map<String, String> headers() { return headers; }

    /** One invalid field: a JSON path in the request, a stable code, message arguments. */
    public record FieldError(String field, String code, Object... args) {
        public static FieldError of(String field, String code, Object... args) {
            return new FieldError(field, code, args);
        }
    }
}
