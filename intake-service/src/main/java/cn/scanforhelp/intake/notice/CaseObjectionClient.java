package cn.scanforhelp.intake.notice;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** case-service's objection endpoint, with this service's client-credentials token (client role file-objections). */
@RegisterRestClient(configKey = "case-service")
@OidcClientFilter
@Path("/internal/v1/notices")
public interface CaseObjectionClient {

    @POST
    @Path("{noticeId}/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    Response file(@PathParam("noticeId") String noticeId, String json);
}
