package cn.scanforhelp.console.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * A refusal from a service: its status and its problem+json (title, detail, invalid fields), which the pages
 * show as the service wrote them. The body never carries personal data (the services guarantee it).
 */
public class ServiceProblem extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ServiceProblem(int status, String type, String title, String detail, Map<String, String> fieldErrors) {
        super("service answered " + status + " " + type, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
    public String detail() { return detail; }
    /** invalid field (JSON name) → the service's message */
    public Map<String, String> fieldErrors() { return fieldErrors; }

    /** The message to show: title, then detail, then each field's message. */
    public String message() {
        StringBuilder sb = new StringBuilder(title == null ? "" : title);
        if (detail != null && !detail.isBlank()) {
            sb.append(sb.length() > 0 ? "：" : "").append(detail);
        }
        return sb.toString();
    }

    public static ServiceProblem from(Response r) {
        Map<String, String> fields = new LinkedHashMap<>();
        String type = null, title = null, detail = null;
        try {
            if (r.hasEntity()) {
                JsonNode n = JSON.readTree(r.readEntity(String.class));
                type = text(n, "type");
                title = text(n, "title");
                detail = text(n, "detail");
                for (JsonNode e : n.path("errors")) {
                    fields.merge(e.path("field").asText(), e.path("message").asText(), (a, b) -> a + "；" + b);
                }
            }
        } catch (Exception e) {
            // not problem+json (a proxy's page): the status alone says what happened
        }
        return new ServiceProblem(r.getStatus(), type, title, detail, fields);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Every answer of 400 or more from a service becomes a {@link ServiceProblem}. */
    public static class Mapper implements ResponseExceptionMapper<ServiceProblem> {
        @Override
        public ServiceProblem toThrowable(Response response) {
            return from(response);
        }

        @Override
        public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
            return status >= 400;
        }
    }
}
