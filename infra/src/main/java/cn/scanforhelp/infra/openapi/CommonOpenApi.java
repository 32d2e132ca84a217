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

    static final Map<String, String> RESPONSES = Map.of(
            "BadRequest", "The request is invalid; every invalid field is listed in errors",
            "Unauthorized", "No valid bearer token (missing, expired or badly signed)",
            "Forbidden", "The token's role does not allow this operation",
            "NotFound", "No such record in the caller's scope",
            "Conflict", "The operation is not allowed in the record's current state",
            "UnprocessableEntity", "The same Idempotency-Key was sent with a different body",
            "TooManyRequests", "Rate limit reached; retry after the number of seconds in Retry-After",
            "PreconditionFailed", "The record changed since the ETag in If-Match was read",
            "PreconditionRequired", "If-Match is required to change this record",
            "ServiceUnavailable", "A dependency (database, identity provider) is unavailable; retry later");

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
        String issuer = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse("http://localhost:8180/realms/scan-for-help");
        components.addSecurityScheme("oidc", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(issuer + "/.well-known/openid-configuration")
                .description("Keycloak realm scan-for-help: staff sign in; services use client credentials"));
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
