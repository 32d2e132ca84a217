package cn.scanforhelp.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service must answer the same way: health, metrics, OpenAPI, Swagger UI on the management
 * port and not on the public one, no endpoint without a security annotation, and the bearer-token rules (401 for missing, forged or expired tokens, 403 for a wrong role) with
 * problem+json bodies. Each service runs it with an empty {@code @QuarkusTest} subclass.
 */
public abstract class PlatformEndpointsContract {

    @Test
    void healthReadyReportsDatabaseAndOutbox() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("outbox"));
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheus() {
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("sfh_outbox_backlog"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        Management.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("paths.'/api/v1/me'.get.operationId", equalTo("getCurrentStaff"))
                .body("components.schemas.Problem.type", equalTo("object"));
        Management.given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void thePublicPortCarriesNoManagementEndpoints() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/swagger-ui/")) {
            int status = given().get(path).statusCode();
            assertEquals(404, status, path + " on the public port");
        }
    }

    @Test
    void anEndpointWithoutSecurityAnnotationIsDenied() {
        given().get("/test-only/unannotated").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.liqiao()).get("/test-only/unannotated").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void noTokenIs401Problem() {
        given().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:unauthorized"))
                .body("title", equalTo("需要登录"));
    }

    @Test
    void forgedSignatureIs401() {
        String forged = Tokens.user("operator").roles("hotline-operator").division("620503").foreignKey().sign();
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void expiredTokenIs401InEnglishWhenAsked() {
        String expired = Tokens.user("operator").roles("hotline-operator").division("620503").expired().sign();
        given().auth().oauth2(expired).header("Accept-Language", "en").get("/api/v1/me").then().statusCode(401)
                .body("title", equalTo("Authentication required"));
    }

    @Test
    void wrongRoleIs403() {
        given().auth().oauth2(Tokens.caseService()).get("/api/v1/me").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:forbidden"));
    }

    @Test
    void staffTokenIsAccepted() {
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/me").then().statusCode(200)
                .body("user", equalTo("liqiao"))
                .body("division", equalTo("620503114"))
                .body("roles", hasItem("township-reviewer"));
    }

    @Test
    void unknownPathIsProblemJson() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:not-found-route"));
    }
}
