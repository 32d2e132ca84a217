package cn.scanforhelp.infra.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Base64;
import java.util.Set;

/**
 * What a bearer token looks like before anyone checks it. Only a token that could be verified at
 * all (a compact JWS: three base64url parts, a JSON header, a signing algorithm the realm uses) can
 * be failed by an unreachable identity provider; any other token is the caller's fault whatever
 * the provider would have said, so it is 401, never 503.
 */
public final class BearerTokens {

    private static final Set<String> SIGNING_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384",
            "PS512", "ES256", "ES384", "ES512");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TOKEN = 16_384;

    private BearerTokens() {
    }

    /** True when the request has no bearer token, or one that is shaped like a verifiable JWT. */
    public static boolean absentOrVerifiable(HttpHeaders headers) {
        String auth = headers == null ? null : headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return true;
        }
        return verifiable(auth.substring(7).strip());
    }

    public static boolean present(HttpHeaders headers) {
        String auth = headers == null ? null : headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return auth != null && !auth.isBlank();
    }

    static boolean verifiable(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return false;
        }
        try {
            Base64.getUrlDecoder().decode(parts[1]);
            Base64.getUrlDecoder().decode(parts[2]);
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            return header != null && header.isObject() && header.path("alg").isTextual()
                    && SIGNING_ALGORITHMS.contains(header.path("alg").asText());
        } catch (IllegalArgumentException | java.io.IOException e) {
            return false;
        }
    }
}
