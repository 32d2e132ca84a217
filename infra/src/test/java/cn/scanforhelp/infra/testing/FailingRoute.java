package cn.scanforhelp.infra.testing;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bug outside JAX-RS, in every module's tests: a Vert.x route that fails with an exception quoting the request
 * URI, query string included, as a handler before RESTEasy might. See {@link FailureLogContract}.
 */
@ApplicationScoped
public class FailingRoute {

    void install(@Observes Router router) {
        router.get("/test-only/route-failure").handler(ctx -> {
            throw new IllegalStateException("cannot keep " + ctx.request().uri(),
                    new IllegalArgumentException("values " + ctx.queryParams()));
        });
    }
}
