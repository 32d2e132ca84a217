package cn.scanforhelp.infra.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import cn.scanforhelp.infra.security.BearerTokens;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure leaves the services as {@code application/problem+json}. Bodies never echo the
 * rejected values: a rejected ID number or phone must not travel back into logs or screens.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, HttpServerRequest request) {
        Locale locale = ProblemMessages.localeOf(headers);
        List<Problem.InvalidField> fields = e.errors().stream()
                .map(f -> new Problem.InvalidField(f.field(), f.code(),
                        ProblemMessages.text(locale, "field." + f.code(), f.args())))
                .toList();
        Problem body = new Problem(Problem.TYPE_PREFIX + e.slug(),
                ProblemMessages.text(locale, e.slug() + ".title", e.args()), e.status(),
                detail(locale, e.slug(), e.args()), request == null ? null : request.path(), fields, e.extensions());
        Response.ResponseBuilder rb = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        e.headers().forEach(rb::header);
        return rb.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers, HttpServerRequest request) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String code = v.getMessageTemplate().replaceAll("[{}]", "");
            if (code.startsWith("jakarta.validation.constraints.")) {
                code = "constraint." + code.substring("jakarta.validation.constraints.".length())
                        .replace(".message", "");
            }
            errors.add(new ProblemException.FieldError(fieldPath(v.getPropertyPath().toString()), code,
                    constraintArgs(v)));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return problem(ProblemException.validation(errors), headers, request);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers, HttpServerRequest request) {
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            Object[] allowed = ife.getTargetType().getEnumConstants();
            String list = Arrays.stream(allowed).map(String::valueOf).collect(Collectors.joining(", "));
            return problem(ProblemException.validation(List.of(
                    ProblemException.FieldError.of(path(ife), "enum", list))), headers, request);
        }
        if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            return problem(ProblemException.validation(List.of(
                    ProblemException.FieldError.of(path(mie), "type"))), headers, request);
        }
        return problem(new ProblemException(400, "malformed-json"), headers, request);
    }

    /**
     * Quarkus REST ships a mapper for exactly this type (a bare 400 without a body), which beats the
     * JsonProcessingException mapper above: wrong types and unknown enum values need their own.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, HttpServerRequest request) {
        return json(e, headers, request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers, HttpServerRequest request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (e instanceof cn.scanforhelp.infra.web.StrictParams.InvalidParameter ip) {
            return problem(ip.problem(), headers, request);
        }
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return json(jpe, headers, request);
        }
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found-route";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        if (status >= 500) {
            LOG.errorf("request failed with %d: %s", status, e.getClass().getName());
        }
        ProblemException pe = new ProblemException(status, slug);
        if (e.getResponse() != null && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            pe = pe.withHeader(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return problem(pe, headers, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(AuthenticationFailedException e, HttpHeaders headers, HttpServerRequest request) {
        if (causedByProviderOutage(e) && BearerTokens.absentOrVerifiable(headers)) {
            return providerDown(headers, request);
        }
        return badToken(headers, request);
    }

    private Response badToken(HttpHeaders headers, HttpServerRequest request) {
        return problem(new ProblemException(401, "unauthorized").withHeader("WWW-Authenticate", "Bearer"),
                headers, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, HttpServerRequest request) {
        return problem(new ProblemException(401, "unauthorized").withHeader("WWW-Authenticate", "Bearer"),
                headers, request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, HttpServerRequest request) {
        return problem(new ProblemException(403, "forbidden"), headers, request);
    }

    @ServerExceptionMapper
    public Response oidc(OIDCException e, HttpHeaders headers, HttpServerRequest request) {
        // a token no provider could verify (not a JWT, alg none) is refused, whatever went wrong asking
        return BearerTokens.absentOrVerifiable(headers) ? providerDown(headers, request) : badToken(headers, request);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers, HttpServerRequest request) {
        if (BearerTokens.present(headers) && failedReadingToken(e)) {
            // the OIDC extension choked on a token that is not one ("...", stray dots): the caller's fault
            LOG.debugf("unreadable bearer token (%s); answering 401", e.getClass().getSimpleName());
            return badToken(headers, request);
        }
        if (malformedRequestEncoding(e)) {
            // a path, query, header or form body that cannot be decoded
            LOG.debugf("malformed request encoding (%s); answering 400", e.getClass().getSimpleName());
            return problem(new ProblemException(400, "malformed-request"), headers, request);
        }
        if (databaseUnavailable(e)) {
            // Overload or an outage, not a bug: tell the client to come back, keep the log short.
            LOG.warnf("database unavailable (%s, SQLState %s); answering 503", e.getClass().getSimpleName(),
                    cn.scanforhelp.infra.persistence.DatabaseFailures.sqlState(e));
            return problem(new ProblemException(503, "database-unavailable").withHeader("Retry-After", "5"),
                    headers, request);
        }
        // Messages may quote data (SQL values, the body, the query): the log gets an error id, the class and the
        // stack frames only (RedactedFailure), never the request; the body names the same id for the report.
        String errorId = java.util.UUID.randomUUID().toString();
        LOG.errorf(RedactedFailure.of(e), "unexpected failure %s (error id %s)", e.getClass().getName(), errorId);
        return problem(new ProblemException(500, "internal-error").withExtensions(java.util.Map.of("errorId", errorId)),
                headers, request);
    }

    Response providerDown(HttpHeaders headers, HttpServerRequest request) {
        LOG.warn("the identity provider (OIDC) cannot be reached; answering 503");
        return problem(new ProblemException(503, "identity-provider-unavailable").withHeader("Retry-After", "30"),
                headers, request);
    }

    static boolean causedByProviderOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OIDCException || t instanceof java.net.ConnectException
                    || t instanceof io.vertx.core.impl.NoStackTraceThrowable && String.valueOf(t.getMessage()).contains("Connection refused")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static final List<String> DECODERS = List.of("org.jboss.resteasy.reactive.common.util.URLUtils",
            "org.jboss.resteasy.reactive.common.util.Encode",
            "org.jboss.resteasy.reactive.common.headers.",
            "org.jboss.resteasy.reactive.common.providers.serialisers.MapAsFormUrlEncodedProvider",
            "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition",
            "io.vertx.core.http.impl.HttpUtils", "io.netty.handler.codec.http.QueryStringDecoder");

    /**
     * Quarkus REST decodes paths, query strings, form bodies and media-type headers lazily and lets the decoder's
     * IllegalArgumentException (or an index error on a field without '=') escape: the request's
     * fault, not ours. Recognised by where it was thrown (the first frame outside the JDK), or by
     * a charset the request named that does not exist.
     */
    public static boolean malformedRequestEncoding(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.nio.charset.UnsupportedCharsetException
                    || t instanceof java.nio.charset.IllegalCharsetNameException
                    || t instanceof java.nio.charset.CharacterCodingException
                    || t instanceof java.io.UnsupportedEncodingException) {
                return true;
            }
            for (StackTraceElement f : t.getStackTrace()) {
                String c = f.getClassName();
                if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                    continue;
                }
                if (DECODERS.stream().anyMatch(c::startsWith)) {
                    return true;
                }
                break;
            }
        }
        return false;
    }

    /** Thrown inside the OIDC extension's token handling (parsing, not a call to the provider). */
    static boolean failedReadingToken(Throwable e) {
        if (causedByProviderOutage(e)) {
            return false;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                if (frames[i].getClassName().startsWith("io.quarkus.oidc.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** See {@link cn.scanforhelp.infra.persistence.DatabaseFailures}: the one classification for every service. */
    static boolean databaseUnavailable(Throwable e) {
        return cn.scanforhelp.infra.persistence.DatabaseFailures.unavailable(e);
    }

    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }

    /** "submit.request.applicant.name" → "applicant.name": drop the method and parameter names. */
    static String fieldPath(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }

    static Object[] constraintArgs(ConstraintViolation<?> v) {
        Map<String, Object> attrs = v.getConstraintDescriptor().getAttributes();
        List<Object> args = new ArrayList<>();
        for (String k : List.of("min", "max", "value")) {
            if (attrs.containsKey(k)) {
                args.add(attrs.get(k));
            }
        }
        return args.toArray();
    }

    static String detail(Locale locale, String slug, Object[] args) {
        String key = slug + ".detail";
        return ProblemMessages.has(key) ? ProblemMessages.text(locale, key, args) : null;
    }
}
