package cn.scanforhelp.cases.notice;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service's public notices, with this service's client-credentials token (client role publish-notices). */
@RegisterRestClient(configKey = "intake-service")
@OidcClientFilter
@Path("/internal/v1/notices")
public interface IntakeNoticeClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response send(String json);
}
