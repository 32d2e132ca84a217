package cn.scanforhelp.intake.form;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers of the resident's pages, and a year's cache for their (versioned) style sheet and
 * script. Nothing is loaded from another host: the policy allows this origin only, no inline code.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(-100).handler(rc -> {
            String path = rc.normalizedPath();
            boolean page = isPage(path);
            boolean asset = path.startsWith("/form/");
            if (page || asset) {
                rc.addHeadersEndHandler(v -> {
                    var h = rc.response().headers();
                    h.set("X-Content-Type-Options", "nosniff");
                    // not no-referrer: with it, browsers send "Origin: null" on form posts, which the
                    // CORS filter refuses; same-origin keeps the poster code off other sites all the same
                    h.set("Referrer-Policy", "same-origin");
                    if (page) {
                        h.set("Content-Security-Policy", CSP);
                        h.set("X-Frame-Options", "DENY");
                        h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
                        h.set("Cross-Origin-Opener-Policy", "same-origin");
                    } else if (rc.response().getStatusCode() == 200 && rc.request().getParam("v") != null) {
                        h.set("Cache-Control", "public, max-age=31536000, immutable");
                    }
                });
            }
            rc.next();
        });
    }

    static boolean isPage(String path) {
        return "/".equals(path) || path.equals("/s") || path.startsWith("/h/") || path.startsWith("/t/")
                || path.startsWith("/a/");
    }
}
