package cn.scanforhelp.infra.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document shares: the problem+json schema, the standard error
 * responses (referenced as {@code #/components/responses/<Name>}), and the OIDC security scheme.
 * Registered with {@code mp.openapi.filter} in each service.
 */
public class CommonOpenApi implements OASFilter {

    static final Map<String, String> RESPONSES = new java.util.TreeMap<>(Map.ofEntries(
            Map.entry("BadRequest", "The request is invalid; every invalid field is listed in errors"),
            Map.entry("Unauthorized", "No valid bearer token (missing, expired or badly signed)"),
            Map.entry("Forbidden", "The token's role does not allow this operation"),
            Map.entry("NotFound", "No such record in the caller's scope"),
            Map.entry("Conflict", "The operation is not allowed in the record's current state"),
            Map.entry("UnprocessableEntity", "The same Idempotency-Key was sent with a different body"),
            Map.entry("TooManyRequests", "Rate limit reached; retry after the number of seconds in Retry-After"),
            Map.entry("PayloadTooLarge", "The body is larger than this endpoint takes; send it in parts"),
            Map.entry("PreconditionFailed", "The record changed since the ETag in If-Match was read"),
            Map.entry("PreconditionRequired", "If-Match is required to change this record"),
            Map.entry("ServiceUnavailable", "A dependency (database, identity provider) is unavailable; retry later"),
            Map.entry("InternalError", "An unexpected failure; logged, nothing personal in the body")));

    /** Rate-limit headers (IETF draft) that public endpoints send; documented on every response. */
    static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
    static final String CORS_ORIGIN = "Access-Control-Allow-Origin";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("Problem", problemSchema());
        String problemRef = "#/components/schemas/Problem";
        for (var e : RESPONSES.entrySet()) {
            APIResponse r = OASFactory.createAPIResponse().description(e.getValue())
                    .content(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(problemRef))));
            if ("TooManyRequests".equals(e.getKey()) || "ServiceUnavailable".equals(e.getKey())) {
                r.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                                .minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(86400))));
            }
            components.addResponse(e.getKey(), r);
        }
        for (String h : RATE_LIMIT_HEADERS) {
            components.addHeader(h, OASFactory.createHeader()
                    .description(h + ": present where the endpoint is rate limited (public endpoints)")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                            .minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(1_000_000))));
        }
        components.addHeader(CORS_ORIGIN, OASFactory.createHeader()
                .description("The front-end origin allowed to read the response (quarkus.http.cors.origins)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
        components.getResponses().forEach((name, r) -> addRateLimitHeaders(r));
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                completeResponses(op);
            }));
        }
        String server = ConfigProvider.getConfig().getOptionalValue("sfh.openapi.server-url", String.class)
                .orElse("https://localhost");
        openAPI.setServers(List.of(OASFactory.createServer().url(server)
                .description(ConfigProvider.getConfig().getOptionalValue("sfh.openapi.environment", String.class)
                        .orElse("production") + " environment").addExtension("x-internal", false)));
        String issuer = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse("http://localhost:8180/realms/scan-for-help");
        components.addSecurityScheme("oidc", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(issuer + "/.well-known/openid-configuration")
                .description("Keycloak realm scan-for-help: staff sign in; services use client credentials"));
    }

    /**
     * Every operation answers 401/403 when it needs a token, 429 and 500 always, and 400 when it
     * takes input: added here once rather than annotated on each operation.
     */
    static void completeResponses(org.eclipse.microprofile.openapi.models.Operation op) {
        var responses = op.getResponses();
        if (responses == null) {
            return;
        }
        boolean secured = op.getSecurity() != null && op.getSecurity().stream().anyMatch(r -> !r.getSchemes().isEmpty());
        if (secured) {
            addRef(responses, "401", "Unauthorized");
            addRef(responses, "403", "Forbidden");
        }
        boolean takesInput = op.getRequestBody() != null
                || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (takesInput && !responses.hasAPIResponse("422") && !responses.hasAPIResponse("4XX")) {
            addRef(responses, "400", "BadRequest");
        }
        addRef(responses, "429", "TooManyRequests");
        addRef(responses, "500", "InternalError");
        responses.getAPIResponses().forEach((code, r) -> {
            if ((code.startsWith("2") || code.startsWith("4")) && r.getRef() == null) {
                addRateLimitHeaders(r);
            }
        });
    }

    static void addRef(org.eclipse.microprofile.openapi.models.responses.APIResponses responses, String code, String name) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
        }
    }

    static void addRateLimitHeaders(APIResponse r) {
        for (String h : java.util.stream.Stream.concat(RATE_LIMIT_HEADERS.stream(), java.util.stream.Stream.of(CORS_ORIGIN)).toList()) {
            if (r.getHeaders() == null || !r.getHeaders().containsKey(h)) {
                r.addHeader(h, OASFactory.createHeader().ref("#/components/headers/" + h));
            }
        }
    }

    static Schema problemSchema() {
        Schema str = OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2000);
        Schema field = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)
                        .example("applicant.idNumber"))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(100)
                        .example("id-number.check-digit"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(500)
                        .example("身份证号码校验位不正确"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; title and detail in Chinese, English with Accept-Language: en")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)
                        .example("urn:scan-for-help:problem:validation-failed"))
                .addProperty("title", str.example("提交的内容有误"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2000))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2000))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(100)
                        .items(field));
    }

}
