package cn.scanforhelp.infra.testing;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The management interface of the service under test: {@code /q/health}, {@code /q/metrics},
 * {@code /q/openapi} and {@code /q/swagger-ui} answer on their own port, not on the public one
 * ({@code quarkus.management.enabled}; {@code quarkus.management.test-port=0} picks a free port, read
 * here from the running server).
 */
public final class Management {

    private Management() {
    }

    public static int port() {
        int port = Arc.container().select(HttpServer.class).get().getManagementPort();
        if (port <= 0) {
            throw new IllegalStateException("the management interface is not running (quarkus.management.enabled)");
        }
        return port;
    }

    /** A request to the management port. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
