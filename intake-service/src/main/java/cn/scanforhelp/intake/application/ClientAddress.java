package cn.scanforhelp.intake.application;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client's address for rate limits: the connection's remote address. Quarkus replaces it by the
 * first X-Forwarded-For hop only when {@code quarkus.http.proxy.proxy-address-forwarding} is on
 * (behind a trusted ingress), so a client cannot choose its own bucket otherwise.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "unknown";
        }
        String host = request.remoteAddress().hostAddress();
        return host == null ? request.remoteAddress().host() : host;
    }
}
