package cn.scanforhelp.intake.application;

import io.vertx.core.http.HttpServerRequest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client's address for rate limits: the connection's remote address. Quarkus replaces it by the
 * first X-Forwarded-For hop only when {@code quarkus.http.proxy.proxy-address-forwarding} is on and the
 * connection comes from one of {@code quarkus.http.proxy.trusted-proxies} (the ingress), so a client
 * cannot choose its own bucket by sending the header itself.
 *
 * <p>An IPv6 address counts by its /64: a home or mobile line is given a whole /64 (RFC 6177 and the
 * Chinese carriers' practice), and a client picks any address in it at will, so per address it would
 * have 2^64 buckets. IPv4 addresses (also IPv4-mapped IPv6 ones) count one by one.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "unknown";
        }
        String host = request.remoteAddress().hostAddress();
        return bucket(host == null ? request.remoteAddress().host() : host);
    }

    /** The rate-limit subject of an address literal: itself for IPv4, its /64 prefix for IPv6. */
    static String bucket(String host) {
        if (host == null || host.isEmpty()) {
            return "unknown";
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        try {
            // a literal containing ':' is parsed as IPv6 without any DNS query (or refused)
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet4Address) {
                return address.getHostAddress();
            }
            byte[] bytes = address.getAddress();
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}
