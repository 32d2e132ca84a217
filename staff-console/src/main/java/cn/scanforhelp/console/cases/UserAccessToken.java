package cn.scanforhelp.console.cases;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in user's access token (from the code flow, kept in the encrypted session cookie) as the
 * bearer token of every call to the services, so they scope and check it as for any other client.
 *
 * <p>This is what quarkus-rest-client-oidc-token-propagation's {@code @AccessToken} does; that extension cannot
 * be used with 3.33.2 because Maven Central lacks its parent POM
 * ({@code quarkus-rest-client-oidc-token-propagation-parent:3.33.2} answers 404), so its jar does not resolve.
 * Swap back to {@code @AccessToken} when it does.
 */
public class UserAccessToken implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        AccessTokenCredential token = identity == null ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null && token.getToken() != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
